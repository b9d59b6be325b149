#!/usr/bin/env python3
"""Serves a built site and measures, in headless Chromium with the cache off, what each query downloads from the
search index (meta, shards, document texts) and how long it takes to answer.

    python3 Benchmarks/search/measure.py PUBLIC_DIR [query …]
"""
import json, os, subprocess, sys, tempfile, time, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "search-e2e"))
from test_search import browser, free_port, wait_for_port, wait_results  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

RUN = ("var a=window.gongkaiSearchApp, t=performance.now(); "
       "return a.run(arguments[0]).then(function(){return performance.now()-t;});")
QUERIES = ["欠薪", "项快办", "互联网+监管", "2530", "APP", "追讨工资报酬", "行政复议申请", "法治政府", "执法", "薪", "量子引力波"]


def start_server(public, port):
    """Python's http.server, or nginx when SEARCH_SERVER=nginx (what a portal runs: files load in parallel)."""
    if os.environ.get("SEARCH_SERVER") != "nginx":
        return subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", public],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tmp = tempfile.mkdtemp()
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""daemon off; worker_processes 2; pid {tmp}/nginx.pid; error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{ include /etc/nginx/mime.types; access_log off;
  client_body_temp_path {tmp}/b; proxy_temp_path {tmp}/p; fastcgi_temp_path {tmp}/f; uwsgi_temp_path {tmp}/u; scgi_temp_path {tmp}/s;
  server {{ listen 127.0.0.1:{port}; root {os.path.abspath(public)}; index index.html; }} }}
""")
    return subprocess.Popen(["nginx", "-c", conf, "-p", tmp], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    public = sys.argv[1]
    queries = sys.argv[2:] or QUERIES
    port = free_port()
    server = start_server(public, port)
    wait_for_port(port)
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
            t = driver.execute_script(RUN, q)
            # Typed: a fresh search page, loaded and idle, nothing of the index loaded; the query is run as typing
            # does, and timed from then until its results are on the page (fetching shards and texts included).
            driver.get(f"http://127.0.0.1:{port}/search/")
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            time.sleep(0.3)
            typed = driver.execute_script(RUN, q)
            first = float(driver.find_element(By.ID, "search-app").get_attribute("data-first-ms") or typed)
            rows.append({"query": q, "results": len(results), "status": status, "files": len(index), "shards": len(shards),
                         "shard_bytes": sum(shards), "texts": len(texts), "text_bytes": sum(texts), "bytes": total,
                         "cold_ms": ms, "warm_ms": round(t, 1), "typed_ms": round(typed, 1), "first_ms": round(first, 1)})
    finally:
        driver.quit()
        server.terminate()
    print("| query | results shown | files | shards (bytes) | texts (bytes) | total KB | page load with ?q= (ms) | typed, index cold: first results (ms) | typed, index cold: page complete (ms) | again (ms) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['query']} | {r['results']} | {r['files']} | {r['shards']} ({r['shard_bytes']}) | {r['texts']} ({r['text_bytes']}) | "
              f"{r['bytes'] / 1024:.1f} | {r['cold_ms']:.1f} | {r['first_ms']:.1f} | {r['typed_ms']:.1f} | {r['warm_ms']:.1f} |")
    print(json.dumps({"max_kb": max(r["bytes"] for r in rows) / 1024, "max_page_load_ms": max(r["cold_ms"] for r in rows),
                      "max_typed_ms": max(r["typed_ms"] for r in rows), "max_first_ms": max(r["first_ms"] for r in rows), "max_again_ms": max(r["warm_ms"] for r in rows)}))


if __name__ == "__main__":
    main()
