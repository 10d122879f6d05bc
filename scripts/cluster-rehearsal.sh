#!/usr/bin/env bash
# Scale-out rehearsal on one machine (docs/SCALE-OUT.md): a 3-node Elasticsearch cluster of local nodes
# (own data folders and ports, discovering each other; PortalKB's indices get 1 replica there through
# auto_expand_replicas 0-1), a generated portal, two crawler processes sharing the crawl-state index,
# two app instances under simulated users — and one node killed (kill -9) mid-crawl.
# Checks: no article lost (articles indexed = article pages the site serves), searches and asks keep
# answering (errors counted), the crawl finishes.
#
#   scripts/cluster-rehearsal.sh [PAGES] [SECTIONS]        (defaults 1200 pages in 6 sections)
#
# Ports: nodes 9511-9513 (transport 9611-9613), site 8711, apps 7311/7312. Work folder:
# ${REHEARSAL_DIR:-/tmp/portalkb-rehearsal} (deleted first). Needs a build (./kb builds one).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PAGES=${1:-1200}
SECTIONS=${2:-6}
W=${REHEARSAL_DIR:-/tmp/portalkb-rehearsal}
. scripts/jdk.sh
JAVA="$JAVA_HOME/bin/java"

./kb config >/dev/null # builds the project when needed
rm -rf "$W" && mkdir -p "$W"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for i in 1 2 3; do [ -f "$W/n$i.pid" ] && kill "$(cat "$W/n$i.pid")" 2>/dev/null || true; done
}
trap cleanup EXIT
say() { printf '%s  %s\n' "$(date +%T)" "$*"; }

say "starting 3 nodes"
for i in 1 2 3; do
  setsid "$JAVA" -Xms512m -Xmx512m -XX:+UseG1GC -Dfile.encoding=UTF-8 -Dlog4j2.disable.jmx=true \
    --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
    -cp "$ROOT/target/node-lib/*:$ROOT/target/classes" portalkb.node.LocalNodeMain \
    "$W/n$i" "$W/n$i/data" "$W/n$i/logs" $((9510 + i)) $((9610 + i)) \
    cluster.name=portalkb-rehearsal node.name=n$i discovery.type=multi-node \
    discovery.seed_hosts=127.0.0.1:9611,127.0.0.1:9612,127.0.0.1:9613 cluster.initial_master_nodes=n1,n2,n3 \
    cluster.routing.allocation.disk.watermark.low=2gb cluster.routing.allocation.disk.watermark.high=1gb \
    cluster.routing.allocation.disk.watermark.flood_stage=500mb \
    >"$W/n$i.console" 2>&1 </dev/null &
  echo $! >"$W/n$i.pid"
done
for _ in $(seq 120); do
  curl -s "127.0.0.1:9511/_cluster/health?wait_for_nodes=3&timeout=1s" 2>/dev/null | grep -q '"number_of_nodes":3' && break
  sleep 1
done
curl -s "127.0.0.1:9511/_cat/nodes?h=name,master,heap.max" | sed 's/^/    /'

export ES_URL=http://127.0.0.1:9511,http://127.0.0.1:9512,http://127.0.0.1:9513
export PORTALKB_INDEX_PREFIX=rehearsal PORTALKB_ADMIN_TOKEN=rehearsal-token
# The simulated users all come from 127.0.0.1: the per-IP rate limit would answer them 429.
printf 'server:\n  rateLimitPerMinute: 0\n' >"$W/portalkb.yaml"
export PORTALKB_CONFIG="$W/portalkb.yaml"
CP="$ROOT/target/classes:$ROOT/target/lib/*"

say "serving $PAGES generated pages in $SECTIONS sections"
"$JAVA" -cp "$CP" portalkb.bench.GeneratedSite 8711 "$PAGES" "$SECTIONS" >"$W/site.log" 2>&1 &
PIDS+=($!)
{
  echo "sources:"
  for s in $(seq 0 $((SECTIONS - 1))); do
    cat <<EOF
  - id: rehearsal-s$s
    province: Lạng Sơn
    seeds: [http://127.0.0.1:8711/s$s/list/0]
    delayMs: 20
    maxDepth: $((PAGES / 50 + 3))
    maxPages: $((PAGES * 2))
EOF
  done
} >"$W/sources.yaml"
PORTALKB_DATA="$W/cli" ./kb init >"$W/init.log" 2>&1
curl -s "127.0.0.1:9511/_cat/indices/rehearsal-*?h=index,pri,rep" | sed 's/^/    /'

say "two app instances and 12 users (search and ask on both)"
for a in 1 2; do
  PORTALKB_DATA="$W/app$a" ./kb serve --port $((7310 + a)) --sources "$W/sources.yaml" >"$W/app$a.log" 2>&1 &
  PIDS+=($!)
done
for _ in $(seq 90); do
  curl -sf 127.0.0.1:7311/health >/dev/null 2>&1 && curl -sf 127.0.0.1:7312/health >/dev/null 2>&1 && break
  sleep 1
done
python3 - "$W" <<'EOF' &
import json, random, sys, threading, time, urllib.error, urllib.parse, urllib.request
w = sys.argv[1]
apps = ["http://127.0.0.1:7311", "http://127.0.0.1:7312"]
queries = ["bảo hiểm y tế", "bác sĩ", "tiêm chủng", "suy dinh dưỡng", "trạm y tế", "kỹ thuật mới"]
questions = ["Which province reached 92.8% health insurance coverage?", "Tỉnh nào có 6,5 bác sĩ/vạn dân?",
             "How many private medical practices were there in Lạng Sơn?"]
stats = {"search": [0, 0, [], {}], "ask": [0, 0, [], {}]}
lock = threading.Lock()
def user():
    while True:
        app = random.choice(apps)
        kind = "search" if random.random() < 0.8 else "ask"
        t = time.time()
        try:
            if kind == "search":
                urllib.request.urlopen(app + "/api/search?q=" + urllib.parse.quote(random.choice(queries)), timeout=30).read()
            else:
                body = json.dumps({"question": random.choice(questions)}).encode()
                urllib.request.urlopen(urllib.request.Request(app + "/api/ask", body, {"Content-Type": "application/json"}), timeout=30).read()
            why = None
        except urllib.error.HTTPError as e:
            why = str(e.code)
        except Exception as e:
            why = type(e).__name__
        with lock:
            s = stats[kind]; s[0] += 1; s[2].append((time.time() - t) * 1000)
            if why:
                s[1] += 1; s[3][why] = s[3].get(why, 0) + 1
            with open(w + "/users.json", "w") as f:
                json.dump({k: {"requests": v[0], "errors": v[1], "why": v[3], "p50": round(sorted(v[2])[len(v[2]) // 2]) if v[2] else 0,
                               "p95": round(sorted(v[2])[int(len(v[2]) * 0.95)]) if v[2] else 0} for k, v in stats.items()}, f)
        time.sleep(random.uniform(0.2, 1.0))
for _ in range(12):
    threading.Thread(target=user, daemon=True).start()
while True:
    time.sleep(1)
EOF
PIDS+=($!)

count() { curl -s "127.0.0.1:${1:-9511}/rehearsal-articles/_count" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("count", "?"))' 2>/dev/null || echo "?"; }

say "two crawler processes"
START=$(date +%s)
for c in 1 2; do
  PORTALKB_DATA="$W/crawler$c" ./kb crawl --sources "$W/sources.yaml" >"$W/crawler$c.log" 2>&1 &
  eval "CRAWLER$c=$!"
done
# Kill the node holding the articles' primary, once a third of the pages are in.
VICTIM=""
while kill -0 "$CRAWLER1" 2>/dev/null || kill -0 "$CRAWLER2" 2>/dev/null; do
  n=$(count)
  if [ -z "$VICTIM" ] && [ "$n" != "?" ] && [ "$n" -ge $((PAGES / 3)) ]; then
    VICTIM=$(curl -s "127.0.0.1:9511/_cat/shards/rehearsal-articles*?h=prirep,node" | awk '$1=="p"{print $2; exit}')
    say "articles indexed: $n — kill -9 node $VICTIM (primary of the articles index)"
    curl -s "127.0.0.1:9511/_cat/shards/rehearsal-*?h=index,prirep,state,node" | sed 's/^/    /'
    kill -9 "$(cat "$W/$VICTIM.pid")"
    KILLED_AT=$(date +%s)
  fi
  sleep 2
done
wait "$CRAWLER1" && C1=0 || C1=$?
wait "$CRAWLER2" && C2=0 || C2=$?
say "crawlers finished in $(( $(date +%s) - START )) s (exit codes $C1, $C2)"
ALIVE=9511; [ "$VICTIM" = "n1" ] && ALIVE=9512
# Sources one crawler found leased by the other are left to it; a last pass takes what is still due.
PORTALKB_DATA="$W/crawler1" ./kb crawl --sources "$W/sources.yaml" >"$W/crawler-final.log" 2>&1 && CF=0 || CF=$?
curl -s -XPOST "127.0.0.1:$ALIVE/rehearsal-*/_refresh" >/dev/null
sleep 2
say "cluster after the kill:"
curl -s "127.0.0.1:$ALIVE/_cluster/health?pretty" | grep -E '"(status|number_of_nodes|unassigned_shards)"' | sed 's/^/    /'
INDEXED=$(count $ALIVE)
say "articles indexed: $INDEXED of $PAGES article pages the site serves (final pass exit code $CF)"
say "users: $(cat "$W/users.json")"
grep -h -E "^(Summary|Crawl|[a-z-]+ +[0-9])|pages|articles|error" "$W"/crawler*.log | head -30 | sed 's/^/    /'
[ "$INDEXED" = "$PAGES" ] && say "RESULT: no article lost" || { say "RESULT: $((PAGES - INDEXED)) articles missing"; exit 1; }
