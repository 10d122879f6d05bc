#!/usr/bin/env python3
"""Writes an index's articles as an import file (one JSON object per line: url, title, body, published, source,
province), for timing ./kb import on a known corpus (docs/BENCHMARKS.md, "100,000 articles through ./kb import").

  ./kb bench search --docs 100000 --keep          # the generated articles, kept in bench-articles
  python3 scripts/dump-articles.py bench-articles /tmp/100k.jsonl
  PORTALKB_INDEX_PREFIX=imp100k ./kb import /tmp/100k.jsonl
"""
import json, os, sys, urllib.request

ES = os.environ.get("ES", "http://localhost:9200")


def post(path, body):
    request = urllib.request.Request(ES + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))


def main(index, target):
    fields = ["url", "title", "body", "published", "source", "province"]
    page = post("/" + index + "/_search?scroll=2m", {"size": 2000, "sort": ["_doc"], "_source": fields})
    written = 0
    with open(target, "w", encoding="utf-8") as out:
        while page["hits"]["hits"]:
            for hit in page["hits"]["hits"]:
                out.write(json.dumps(hit["_source"], ensure_ascii=False) + "\n")
                written += 1
            page = post("/_search/scroll", {"scroll": "2m", "scroll_id": page["_scroll_id"]})
    print(f"{written} articles written to {target}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: dump-articles.py INDEX FILE.jsonl")
    main(sys.argv[1], sys.argv[2])
