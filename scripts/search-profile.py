#!/usr/bin/env python3
"""Profile of /api/search's parts against a bare match (docs/BENCHMARKS.md, "Profile of the search").

Sends each part of the search as the service builds it (page with and without highlights and the word-order
rescore, the facets before and after ArticleQuery.matchSet) and a bare match on body, interleaved, to the
kept bench index. First: ./kb bench search --docs 100000 --keep (local node on 9200). Then:
  python3 scripts/search-profile.py            (ES, IDX and ROUNDS from the environment)
  PER_QUERY=1 python3 scripts/search-profile.py   also p50 / p95 per query, and whether the rescore with and
                                                  without its match_all gives the same hits and scores
"page: full" is the page as the service builds it since session 7 (the rescore's phrases beside a match_all
adding 0); "without the match_all" is the page before that.
"""
import json, os, re, sys, time, unicodedata, urllib.request
ES=os.environ.get("ES","http://localhost:9200")
IDX=os.environ.get("IDX","bench-articles")
QUERIES=["bảo hiểm y tế","bao hiem y te","bác sĩ/vạn dân","97,9","trạm y tế","suy dinh dưỡng thấp còi","tiêm chủng mũi 3","giường bệnh","hồ sơ sức khỏe điện tử","BHYT","y tế cơ sở","khám chữa bệnh","nhân lực y tế","tỷ lệ bao phủ"]
def folded(q):
    s=unicodedata.normalize('NFD',q.lower()).replace('đ','d')
    s=''.join(c for c in s if unicodedata.category(c)!='Mn')
    return s==re.sub(r'\s+',' ',q.lower()).strip()
def body(q, v):
    f = folded(q)
    tf,bf = ("title.folded","body.folded") if f else ("title","body")
    mm={"multi_match":{"query":q,"fields":v.get("fields",["title^3","title.folded^2","body","body.folded^0.7"]),"type":v.get("type","cross_fields"),"operator":"or","minimum_should_match":v.get("msm","75%")}}
    if v.get("type")=="best_fields": mm["multi_match"]["tie_breaker"]=0.3
    boolq={"must":[mm],"must_not":[{"exists":{"field":"duplicateOf"}}]}
    nums=re.findall(r"\d+(?:[.,]\d+)*",q)
    if nums: boolq["should"]=[{"match":{"body":{"query":n,"boost":6}}} for n in nums]
    b={"query":{"bool":boolq},"track_total_hits":False,"size":10,"_source":{"excludes":["body","simhash","simhashBands","contentHash"]}}
    if v.get("hl",True):
        b["highlight"]={"encoder":"html","pre_tags":["<mark>"],"post_tags":["</mark>"],"fields":{tf:{"number_of_fragments":0,"highlight_query":{"match":{tf:q}}},bf:{"fragment_size":180,"number_of_fragments":2,"no_match_size":200,"highlight_query":{"match":{bf:q}}}}}
    if v.get("rescore",True):
        should=[]
        if v.get("bodyphrase",True): should.append({"match_phrase":{v.get("bodyfield","body.folded"):{"query":q,"slop":v.get("slop",2),"boost":2}}})
        should.append({"match_phrase":{"title":{"query":q,"slop":2,"boost":3}}})
        if v.get("matchall",True): should.append({"match_all":{"boost":0}})
        b["rescore"]={"window_size":v.get("window",50),"query":{"rescore_query":{"bool":{"should":should}}}}
    if v.get("profile"): b["profile"]=True
    return b
def bare(q):
    return {"size":10,"query":{"match":{"body":q}}}
def post(path, b):
    req=urllib.request.Request(ES+path, data=json.dumps(b).encode(), headers={"Content-Type":"application/json"})
    t=time.perf_counter(); r=json.load(urllib.request.urlopen(req)); return (time.perf_counter()-t)*1000, r
def pct(xs,p): xs=sorted(xs); return xs[min(len(xs)-1,int(round(p/100*(len(xs)-1))))]
def facets(q, aggs=True, total=True, query=True, cache=False):
    b=body(q,{"hl":False,"rescore":False}); b.pop("_source"); b["size"]=0; b["track_total_hits"]=total
    if not query: b["query"]={"match_all":{}}
    if aggs:
        b["aggs"]={n:{"terms":{"field":f,"size":70}} for n,f in [("province","province"),("source","source"),("year","year"),("metric","metrics")]}
        b["aggs"]["type"]={"terms":{"field":"type","size":10,"missing":"html"}}
    return b
def folded_facets(q):
    b=facets(q); b["query"]["bool"]["must"][0]["multi_match"]["fields"]=["title.folded","body.folded"]; b["query"]["bool"].pop("should",None); return b
V=[("bare match on body",lambda q:bare(q),""),
   ("page: full (cross-fields, rescore, highlights)",lambda q:body(q,{}),""),
   ("page: without highlights",lambda q:body(q,{"hl":False}),""),
   ("page: without the rescore",lambda q:body(q,{"rescore":False}),""),
   ("page: rescore without the match_all (before session 7)",lambda q:body(q,{"matchall":False}),""),
   ("page: rescore window 20",lambda q:body(q,{"window":20}),""),
   ("page: rescore with the title phrase only",lambda q:body(q,{"bodyphrase":False}),""),
   ("page: rescore body phrase slop 0",lambda q:body(q,{"slop":0}),""),
   ("page: cross-fields on 2 fields",lambda q:body(q,{"fields":["title^3","body"]}),""),
   ("facets before (4 fields, number boosts)",lambda q:facets(q),"?request_cache=false"),
   ("facets now (folded fields)",lambda q:folded_facets(q),"?request_cache=false")]
res={n:[] for n,_,_ in V}
per={}
R=int(os.environ.get("ROUNDS","12"))
for r in range(R):
    for q in QUERIES:
        for n,f,qs in V:
            ms,_=post("/"+IDX+"/_search"+qs, f(q))
            if r>0: res[n].append(ms); per.setdefault((n,q),[]).append(ms)
b95=pct(res["bare match on body"],95); b50=pct(res["bare match on body"],50)
print("| request (%d each, interleaved) | p50 ms | p95 ms | p95 / bare |" % len(res[V[0][0]])); print("|---|---|---|---|")
for n,xs in res.items(): print(f"| {n} | {pct(xs,50):.1f} | {pct(xs,95):.1f} | {pct(xs,95)/b95:.2f} |")
if os.environ.get("PER_QUERY"):
    for q in QUERIES:
        _,a=post("/"+IDX+"/_search",body(q,{})); _,b=post("/"+IDX+"/_search",body(q,{"matchall":False}))
        same=[(h["_id"],round(h["_score"],4)) for h in a["hits"]["hits"]]==[(h["_id"],round(h["_score"],4)) for h in b["hits"]["hits"]]
        print(f"\n{q}: same hits and scores with and without the match_all: {same}")
        for n,_,_ in V: print(f"  {n}: {pct(per[(n,q)],50):.1f} / {pct(per[(n,q)],95):.1f}")
