#!/usr/bin/env python3
"""What the search index adds to `gongkai build`: the same site built with and without it (`search: false`),
runs interleaved (off, on, off, on …) so that drift in machine speed hits both alike; prints the median of the
per-pair ratios, and the medians of wall and CPU time.

    python3 Benchmarks/search/overhead.py BINARY SITE [RUNS]     (SITE holds content/ and theme/; copied to tmpfs)
"""
import os, resource, shutil, statistics, subprocess, sys, tempfile, time


def build(binary, site):
    shutil.rmtree(os.path.join(site, "public"), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "build", "--root", site], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    work = tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        sites = {}
        for name, extra in (("on", ""), ("off", "\nsearch: false\n")):
            site = os.path.join(work, name)
            for folder in ("content", "theme"):
                shutil.copytree(os.path.join(source, folder), os.path.join(site, folder))
            if extra:
                with open(os.path.join(site, "content", "site.yaml"), "a", encoding="utf-8") as f:
                    f.write(extra)
            sites[name] = site
        build(binary, sites["on"]), build(binary, sites["off"])  # warm-up
        results = {"on": [], "off": []}
        for _ in range(runs):
            for name in ("off", "on"):
                results[name].append(build(binary, sites[name]))
        ratios = [on[0] / off[0] for on, off in zip(results["on"], results["off"])]
        cpu = [on[1] / off[1] for on, off in zip(results["on"], results["off"])]
        med = lambda xs: statistics.median(xs)
        print(f"search off: median wall {med([w for w, _ in results['off']]):.3f} s, CPU {med([c for _, c in results['off']]):.2f} s")
        print(f"search on:  median wall {med([w for w, _ in results['on']]):.3f} s, CPU {med([c for _, c in results['on']]):.2f} s")
        print(f"index adds: median of paired ratios {100 * (med(ratios) - 1):+.1f} % wall, {100 * (med(cpu) - 1):+.1f} % CPU "
              f"({runs} interleaved pairs; wall ratios {min(ratios):.3f}–{max(ratios):.3f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
