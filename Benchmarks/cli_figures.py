#!/usr/bin/env python3
"""Start-up, peak RSS and parallel scaling of `renda check`, for one or more binaries side by side.

    python3 Benchmarks/cli_figures.py [--startup N] [--rss FILE] [--dir DIR] [--runs N] BINARY...

The same measures as renda-bench's "renda check, the binary" rows (wall time by the clock,
peak RSS by wait4's ru_maxrss), but for several binaries in turn, interleaved run by run so a
shared machine's load falls on all of them alike: e.g. a copy of the binary before a change
and the one after it. Medians are printed.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def run(argv, cpu=None):
    """Wall seconds and peak RSS (bytes) of one process, output to /dev/null; its CPU seconds
    (user + system) are appended to `cpu` when given."""
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=null, stderr=null)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    if cpu is not None:
        cpu.append(usage.ru_utime + usage.ru_stime)
    if os.WEXITSTATUS(status) not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {os.WEXITSTATUS(status)}")
    return seconds, usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--startup", type=int, default=0, help="runs of check on one page and of version")
    parser.add_argument("--page", default="seeds/001_7cb29f78ffdd70e4.txt")
    parser.add_argument("--rss", help="a large file: peak RSS and time of `renda check FILE > /dev/null`")
    parser.add_argument("--dir", help="a directory of pages: --jobs 1 against all cores")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    if options.startup:
        cases = [("check one page", ["check", "--fail-on", "never", options.page]), ("version", ["version"])]
        for label, args in cases:
            times = {b: [] for b in options.binaries}
            for _ in range(options.startup):
                for binary in options.binaries:
                    times[binary].append(run([binary] + args)[0] * 1000)
            for binary in options.binaries:
                print(f"start-up {label:15} {binary}: median {statistics.median(times[binary]):.1f} ms "
                      f"(min {min(times[binary]):.1f}, n={options.startup})")
    if options.rss:
        size = os.path.getsize(options.rss)
        for binary in options.binaries:
            seconds, rss = run([binary, "check", "--fail-on", "never", options.rss])
            print(f"check FILE      {binary}: peak RSS {rss / 1e6:.0f} MB = {rss / size:.2f}x input, "
                  f"{seconds:.1f} s = {size / 1e6 / seconds:.1f} MB/s")
    if options.dir:
        size = sum(os.path.getsize(os.path.join(options.dir, n)) for n in os.listdir(options.dir))
        for binary in options.binaries:
            serial, parallel, rss, cpu = [], [], [], []
            for _ in range(options.runs):
                serial.append(run([binary, "check", "--fail-on", "never", "--jobs", "1", options.dir])[0])
                seconds, peak = run([binary, "check", "--fail-on", "never", options.dir], cpu)
                parallel.append(seconds)
                rss.append(peak)
            s, p = statistics.median(serial), statistics.median(parallel)
            print(f"check DIR       {binary}: 1 job {s:.2f} s ({size / 1e6 / s:.1f} MB/s), all cores {p:.2f} s "
                  f"({size / 1e6 / p:.1f} MB/s), speed-up {s / p:.2f}x; all cores: CPU/wall "
                  f"{statistics.median(c / w for c, w in zip(cpu, parallel)):.2f}, "
                  f"peak RSS {statistics.median(rss) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
