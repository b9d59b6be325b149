#!/usr/bin/env python3
"""Edit-to-reload latency of `gongkai serve` on the real site (or, with --site, another one such as the benchmark's).

Copies content/ and theme/ into a temporary folder, starts `gongkai serve --port 0` there, listens to the
live-reload event stream like a browser tab, then edits a topic file N times. For each edit it measures
  * edit → `reload` event naming the page (what makes the tab reload), and
  * edit → the page fetched with the new text (what the reloaded tab shows), and
  * with --write (serve keeps public/ in step): edit → the new page on disk in public/ (read back every
    millisecond until it holds the edit; measured first, so the other two then include that wait).
Prints min / median / p90 / max in milliseconds.

Usage: scripts/serve-latency.py [--binary .build/release/gongkai] [--runs 20] [--page xiangcheng-2024/03.md] [--site DIR] [--write]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class EventStream:
    """A minimal server-sent events reader over a raw socket (chunked transfer encoding)."""

    def __init__(self, port, path):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
        self.raw = b""
        while b"\r\n\r\n" not in self.raw:
            self.raw += self.sock.recv(65536)
        head, self.raw = self.raw.split(b"\r\n\r\n", 1)
        assert b" 200 " in head.split(b"\r\n")[0], head
        self.text = ""

    def _dechunk(self):
        while True:
            end = self.raw.find(b"\r\n")
            if end < 0:
                return
            size = int(self.raw[:end], 16)
            if len(self.raw) < end + 2 + size + 2:
                return
            self.text += self.raw[end + 2:end + 2 + size].decode()
            self.raw = self.raw[end + 2 + size + 2:]

    def next_event(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            self._dechunk()
            while "\n\n" in self.text:
                block, self.text = self.text.split("\n\n", 1)
                name = data = None
                for line in block.split("\n"):
                    if line.startswith("event: "):
                        name = line[7:]
                    elif line.startswith("data: "):
                        data = line[6:]
                if name:
                    return name, data
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no event")
            self.sock.settimeout(left)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("stream closed")
            self.raw += chunk


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, body


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(REPO, ".build/release/gongkai"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--page", default="xiangcheng-2024/03.md", help="topic file below content/ to edit")
    parser.add_argument("--poll", action="store_true", help="use the polling watcher")
    parser.add_argument("--write", action="store_true", help="run serve --write and time the edit reaching public/ on disk")
    parser.add_argument("--site", default=REPO, help="site folder holding content/ and theme/ (default: this repository)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="gongkai-latency-")
    try:
        for folder in ("content", "theme"):
            shutil.copytree(os.path.join(args.site, folder), os.path.join(work, folder))
        command = [args.binary, "serve", "--root", work, "--port", "0"] + (["--poll"] if args.poll else []) \
            + (["--write"] if args.write else [])
        server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        url = None
        for line in server.stdout:
            print("  serve:", line.rstrip())
            found = re.search(r"serving (http://\S+)", line)
            if found:
                url = found.group(1)
                break
        if not url:
            sys.exit("gongkai serve did not start")
        port = int(re.search(r":(\d+)/", url).group(1))
        base = re.search(r"http://[^/]+(/.*)", url).group(1)
        source = os.path.join(work, "content", args.page)
        original = open(source, encoding="utf-8").read()
        slug = os.path.splitext(args.page)[0]
        page_url = base + slug + "/"

        stream = EventStream(port, base + "__gongkai/events")
        first = stream.next_event()
        print("  first event:", first[0])
        status, _ = fetch(port, page_url)
        assert status == 200, (status, page_url)

        on_disk = os.path.join(work, "public", slug, "index.html")
        to_event, to_page, to_disk = [], [], []
        for run in range(args.runs):
            marker = f"延迟测量第{run}次修改。"
            text = original.rstrip("\n") + "\n\n" + marker + "\n"
            start = time.perf_counter()
            with open(source, "w", encoding="utf-8") as handle:
                handle.write(text)
            if args.write:
                while True:
                    try:
                        with open(on_disk, encoding="utf-8") as page:
                            if marker in page.read():
                                break
                    except FileNotFoundError:
                        pass
                    if time.perf_counter() - start > 10:
                        sys.exit("the edit did not reach public/")
                    time.sleep(0.001)
                to_disk.append((time.perf_counter() - start) * 1000)
            while True:
                name, data = stream.next_event()
                if name == "reload" and page_url in json.loads(data)["paths"]:
                    break
            to_event.append((time.perf_counter() - start) * 1000)
            status, body = fetch(port, page_url)
            to_page.append((time.perf_counter() - start) * 1000)
            assert status == 200 and marker in body, "the page does not show the edit"
            time.sleep(0.3)

        server.terminate()
        rest, _ = server.communicate(timeout=10)
        for line in rest.splitlines():
            if "rebuilt" in line or "stages" in line:
                print("  serve:", line)
        rows = [("edit → reload event", to_event), ("edit → new page fetched", to_page)]
        if args.write:
            rows.insert(0, ("edit → new page on disk", to_disk))
        for label, values in rows:
            print(f"{label}: median {statistics.median(values):.0f} ms, p90 {percentile(values, 90):.0f} ms, "
                  f"min {min(values):.0f} ms, max {max(values):.0f} ms ({len(values)} edits)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
