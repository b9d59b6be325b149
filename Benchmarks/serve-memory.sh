#!/bin/sh
# `gongkai serve`'s memory on the benchmark corpus: starts the server on a free port, waits for the first build
# (the home page answers), reads VmRSS and VmHWM from /proc/PID/status, then edits EDITS topic files, a different
# one each time (one sentence appended to its body), waiting after each until the edited page is served with the
# sentence, and reads them again. Prints a table and the edit → new page served times (median, p90, max).
#   sh Benchmarks/serve-memory.sh [PAGES] [EDITS] [BINARY]     (defaults 10000, 100, the release build)
# The corpus is on tmpfs; the server's own cache folder (if it keeps one) is wherever it puts it.
set -eu
cd "$(dirname "$0")/.."
N="${1:-10000}"
EDITS="${2:-100}"
. Benchmarks/corpus.sh
if [ -n "${3:-}" ]; then BIN="$(cd "$(dirname "$3")" && pwd)/$(basename "$3")"; else gongkai_release; fi
WORK="/dev/shm/gongkai-serve-memory-$N-$$"
fresh_corpus "$N" "$WORK"
trap 'rm -rf "$WORK"' EXIT
python3 - "$BIN" "$WORK/gongkai" "$EDITS" <<'PY'
import os, socket, statistics, subprocess, sys, time, urllib.request, urllib.error

binary, site, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
log = open(os.path.join(os.path.dirname(site), "serve.log"), "w")
start = time.monotonic()
server = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=site, stdout=log, stderr=subprocess.STDOUT)

def fetch(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read(), response.geturl()
    except (urllib.error.URLError, ConnectionError, OSError):
        return None, b"", ""

def memory():
    fields = {}
    with open(f"/proc/{server.pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) // 1024  # kB → MiB
    return fields["VmRSS"], fields["VmHWM"]

try:
    while True:
        if server.poll() is not None:
            sys.exit(f"gongkai serve stopped (status {server.returncode}); see serve.log")
        status, _, url = fetch("/")
        if status == 200:
            break
        time.sleep(0.05)
    first = time.monotonic() - start
    base = "/" + url.split("/", 3)[3]  # /bench/
    time.sleep(1)
    after_first = memory()

    content = os.path.join(site, "content")
    reports = sorted(d for d in os.listdir(content) if os.path.isdir(os.path.join(content, d)))
    waits = []
    for n in range(edits):
        report = reports[n % len(reports)]
        topics = sorted(f for f in os.listdir(os.path.join(content, report)) if f.endswith(".md") and f != "_index.md")
        topic = topics[(n // len(reports) + n) % len(topics)]
        mark = f"内存测试第{n + 1}次编辑的句子。"
        page = f"{base}{report}/{topic[:-3]}/"
        edited = time.monotonic()
        with open(os.path.join(content, report, topic), "a", encoding="utf-8") as f:
            f.write(f"\n\n{mark}\n")
        deadline = edited + 120
        while True:
            status, body, _ = fetch(page)
            if status == 200 and mark.encode() in body:
                break
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit(f"edit {n + 1}: {page} never showed the new sentence")
            time.sleep(0.005)
        waits.append((time.monotonic() - edited) * 1000)
    time.sleep(1)
    after_edits = memory()
finally:
    server.terminate()
    server.wait()

waits.sort()
print(f"gongkai serve, {len(reports)} reports, {edits} edits ({binary})")
print(f"first build served after {first:.1f} s")
print(f"| when | VmRSS | VmHWM |")
print(f"|---|---|---|")
print(f"| after the first build | {after_first[0]} MiB | {after_first[1]} MiB |")
print(f"| after {edits} edits | {after_edits[0]} MiB | {after_edits[1]} MiB |")
if waits:
    p90 = waits[min(len(waits) - 1, int(len(waits) * 0.9))]
    print(f"edit → new page served: median {statistics.median(waits):.0f} ms, p90 {p90:.0f} ms, max {waits[-1]:.0f} ms")
PY
