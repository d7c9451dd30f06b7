#!/usr/bin/env python3
"""Rendering benchmark: `byline show` against `lowdown -tterm` on the same 15 KB and 1 MB posts.

Both run as whole processes, interleaved, several times; medians and their ratio are reported and
written into BENCHMARKS.md between the render markers. Nothing is written into posts/: the inputs are
built under .build/bench/ from the shipped posts' bodies.
"""
import os
import platform
import statistics
import subprocess
import sys
import time

import benchmarks_md  # beside this file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench", "render")
BYLINE = os.path.join(ROOT, ".build", "release", "byline")
RUNS = int(os.environ.get("BENCH_RUNS", "21"))


def bodies():
    """The shipped posts' bodies, front matter cut off."""
    folder = os.path.join(ROOT, "posts")
    for name in sorted(os.listdir(folder)):
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        yield text.split("---", 2)[2] if text.startswith("---") else text


def make_post(name, size):
    """A post of about `size` bytes: real prose, lists, code and tables, repeated."""
    os.makedirs(WORK, exist_ok=True)
    text = ""
    parts = list(bodies())
    while len(text.encode()) < size:
        for body in parts:
            text += body
            if len(text.encode()) >= size:
                break
    path = os.path.join(WORK, name + ".md")
    with open(path, "w", encoding="utf-8") as out:
        out.write("---\ntitle: %s\n---\n" % name + text)
    return path


# Both programs run straight from here with NO_COLOR unset (through /usr/bin/env, byline's time would
# include a second exec, some 0.7 ms).
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "NO_COLOR"}


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENVIRONMENT)
    return time.perf_counter() - start


def measure(post):
    byline = [BYLINE, "show", post, WORK, "--width", "120", "--color", "always"]
    lowdown = ["lowdown", "-tterm", "--term-columns=120", post]
    times = {"byline": [], "lowdown": []}
    for _ in range(RUNS):
        times["byline"].append(timed(byline))
        times["lowdown"].append(timed(lowdown))
    return {name: statistics.median(values) for name, values in times.items()}


def main():
    if not os.path.exists(BYLINE):
        sys.exit("build first: swift build -c release")
    rows = []
    for name, size in (("post-15k", 15 * 1024), ("post-1m", 1024 * 1024)):
        post = make_post(name, size)
        # Everything on disk before anything is timed: `make bench` builds byline just before. A run
        # straight after the build once put byline's median at 45 ms, and 38 when run again; the
        # kernel writing the build back may have been the difference.
        os.sync()
        medians = measure(post)
        ratio = medians["byline"] / medians["lowdown"]
        rows.append((name, os.path.getsize(post), medians["byline"], medians["lowdown"], ratio))
        print("%-9s byline %7.1f ms   lowdown %7.1f ms   ratio %.2fx" % (name, medians["byline"] * 1e3, medians["lowdown"] * 1e3, ratio))

    section = ["<!-- render:start -->", "## Rendering: `byline show` against `lowdown -tterm`", "",
               "Whole processes, 120 columns, colour on, medians of %d interleaved runs. Goal: at most 1.0x lowdown on the 1 MB post." % RUNS, "",
               "| post | bytes | byline | lowdown | byline / lowdown |", "|---|---:|---:|---:|---:|"]
    for name, size, byline, lowdown, ratio in rows:
        section.append("| %s | %d | %.1f ms | %.1f ms | %.2fx |" % (name, size, byline * 1e3, lowdown * 1e3, ratio))
    section += ["", "Measured %s on %s (%s, %d cores). Reproduce: `make bench`." % (
        time.strftime("%Y-%m-%d"), platform.node(), platform.machine(), os.cpu_count()), "<!-- render:end -->"]
    benchmarks_md.write_section("render", "\n".join(section))


if __name__ == "__main__":
    main()
