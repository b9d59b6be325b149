#!/usr/bin/env python3
"""Serves a built site and measures, in headless Chromium with the cache off, what each query downloads from the
search index (meta, shards, document texts) and how long it takes to answer.

    python3 Benchmarks/search/measure.py PUBLIC_DIR [query …]
"""
import json, os, socket, subprocess, sys, time, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "search-e2e"))
from test_search import browser, free_port, wait_results  # noqa: E402

QUERIES = ["欠薪", "项快办", "互联网+监管", "2530", "APP", "追讨工资报酬", "行政复议申请", "法治政府", "执法", "薪", "量子引力波"]


def main():
    public = sys.argv[1]
    queries = sys.argv[2:] or QUERIES
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", public],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    driver = browser()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    rows = []
    try:
        for q in queries:
            # Cold: a fresh search page, nothing of the index loaded yet.
            driver.get(f"http://127.0.0.1:{port}/search/?q=" + urllib.parse.quote(q))
            status, results, ms = wait_results(driver, q, timeout=60)
            entries = driver.execute_script("return performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize])")
            index = [(n, s) for n, s in entries if "/search/" in urllib.parse.urlsplit(n).path]
            shards = [s for n, s in index if "/search/p/" in n]
            texts = [s for n, s in index if "/search/d/" in n]
            total = sum(s for _, s in index)
            # Warm: the same query again on the same page (shards and texts already loaded).
            t = driver.execute_script("var a=window.gongkaiSearchApp, t=performance.now(); return a.run(arguments[0]).then(function(){return performance.now()-t;});", q)
            rows.append({"query": q, "results": len(results), "status": status, "files": len(index), "shards": len(shards),
                         "shard_bytes": sum(shards), "texts": len(texts), "text_bytes": sum(texts), "bytes": total,
                         "cold_ms": ms, "warm_ms": round(t, 1)})
    finally:
        driver.quit()
        server.terminate()
    print("| query | results shown | files | shards (bytes) | texts (bytes) | total KB | answer, cold (ms) | again (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['query']} | {r['results']} | {r['files']} | {r['shards']} ({r['shard_bytes']}) | {r['texts']} ({r['text_bytes']}) | "
              f"{r['bytes'] / 1024:.1f} | {r['cold_ms']:.1f} | {r['warm_ms']:.1f} |")
    print(json.dumps({"max_kb": max(r["bytes"] for r in rows) / 1024, "max_cold_ms": max(r["cold_ms"] for r in rows)}))


if __name__ == "__main__":
    main()
