#!/usr/bin/env python3
"""A TCP proxy that delays every chunk each way, to try the importer against a far-away node
(docs/BENCHMARKS.md, lanes against an emulated remote node):
  python3 scripts/delay-proxy.py 19200 9200 25 &     # listen on 19200, forward to 9200, 25 ms each way
  printf "importer:\\n  lanes: 2\\n" > lanes.yaml
  ES_URL=http://127.0.0.1:19200 PORTALKB_INDEX_PREFIX=remote ./kb --config lanes.yaml import articles.jsonl
"""
import asyncio, sys
LISTEN=int(sys.argv[1]); TARGET=int(sys.argv[2]); DELAY=float(sys.argv[3])/1000
async def pipe(r, w, delay):
    try:
        while True:
            data = await r.read(65536)
            if not data: break
            if delay: await asyncio.sleep(delay)
            w.write(data); await w.drain()
    except Exception: pass
    finally:
        try: w.close()
        except Exception: pass
async def handle(cr, cw):
    sr, sw = await asyncio.open_connection('127.0.0.1', TARGET)
    # one-way delay on each direction: a round trip of 2 × DELAY
    await asyncio.gather(pipe(cr, sw, DELAY), pipe(sr, cw, DELAY))
async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', LISTEN)
    async with server: await server.serve_forever()
asyncio.run(main())
