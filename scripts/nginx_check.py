#!/usr/bin/env python3
"""Fetches every file of a Gongkai manifest and follows every internal link, from a server (nginx in the
deployment test). Prints `N passed, M failed` and exits non-zero on a failure."""
import html.parser, json, sys, time, urllib.error, urllib.parse, urllib.request

base, manifest_path = sys.argv[1], sys.argv[2]
manifest = json.load(open(manifest_path, encoding="utf-8"))
root = urllib.parse.urlsplit(base).path
passed = failed = 0

def fail(msg):
    global failed
    failed += 1
    print("FAIL", msg)

def fetch(url):
    for _ in range(50):
        try:
            with urllib.request.urlopen(url) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()
        except urllib.error.URLError:
            time.sleep(0.1)
    raise SystemExit("server did not answer")

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v:
                self.links.append(v)

pages = {}
for entry in manifest["files"]:
    url = urllib.parse.urljoin(base, urllib.parse.quote(entry["url"][len(root):]))
    status, headers, body = fetch(url)
    ctype = headers.get("Content-Type", "")
    if status != 200:
        fail(f"{url}: status {status}")
    elif entry["path"].endswith((".html", ".css", ".js", ".json", ".xml", ".txt", ".csv", ".svg")) and "charset=utf-8" not in ctype.lower():
        fail(f"{url}: Content-Type {ctype!r} lacks charset=utf-8")
    else:
        passed += 1
    if entry["path"].endswith(".html"):
        pages[url] = body.decode("utf-8")

checked = set()
for url, text in sorted(pages.items()):
    parser = Links()
    parser.feed(text)
    for link in parser.links:
        target = urllib.parse.urljoin(url, link).split("#")[0]
        if not target.startswith(base) or target in checked:
            continue
        checked.add(target)
        status, _, _ = fetch(target)
        if status == 200:
            passed += 1
        else:
            fail(f"{url}: link {link} -> {target}: status {status}")

status, headers, body = fetch(base + "no-such-page/")
if status == 404 and "页面未找到".encode() in body:
    passed += 1
else:
    fail(f"missing page: status {status}, site 404 page served: {'页面未找到'.encode() in body}")
print(f"nginx deployment: {len(manifest['files'])} manifest files, {len(checked)} distinct links followed")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
