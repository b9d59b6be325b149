#!/usr/bin/env python3
"""Writes a built site's page texts K to a file, as a build with `SearchIndexSettings.documentsPerFile = K` would
(the entries re-serialised, so sizes may differ by a few bytes), into a hard-linked copy: to compare K without
rebuilding.

    python3 Benchmarks/search/rebatch.py PUBLIC K OUT
"""
import json, os, shutil, subprocess, sys


def data(path):
    t = open(path, encoding="utf-8").read()
    return json.loads(t[t.index(",") + 1:t.rindex(")")])


def main():
    public, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(["cp", "-al", public, out], check=True)
    meta = data(os.path.join(public, "search", "meta.js"))
    old = meta["perFile"]
    docs = []
    for g in range((meta["docs"] + old - 1) // old):
        docs += data(os.path.join(public, "search", "d", f"{g}.js"))
    shutil.rmtree(os.path.join(out, "search", "d"))
    os.makedirs(os.path.join(out, "search", "d"))
    for g in range((len(docs) + k - 1) // k):
        body = ",\n".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in docs[g * k:(g + 1) * k])
        with open(os.path.join(out, "search", "d", f"{g}.js"), "w", encoding="utf-8") as f:
            f.write(f'gongkaiSearch("d/{g}",[{body}]);\n')
    meta["perFile"] = k
    os.remove(os.path.join(out, "search", "meta.js"))
    with open(os.path.join(out, "search", "meta.js"), "w", encoding="utf-8") as f:
        f.write('gongkaiSearch("meta",' + json.dumps(meta, separators=(",", ":")) + ");\n")
    print(f"{len(docs)} documents, {(len(docs) + k - 1) // k} files of texts")


if __name__ == "__main__":
    main()
