#!/usr/bin/env python3
"""Rendering benchmark: `byline show` against `lowdown -tterm` on the same posts.

The posts, built under .build/bench/render (never in posts/):
- post-15k and post-1m: the shipped posts' bodies concatenated to 15 KB and to 1 MB;
- corpus-1m: generated posts (bench/corpus.py) concatenated to 1 MB with each post's front matter
  kept, so the body holds `---` rules and setext headings;
- real-1m: one long real document, Node.js's CHANGELOG_V12.md (956 KB, from Debian's nodejs package;
  BENCH_REAL_DOCUMENT names another), under a front matter of its own.

The programs run as whole processes, interleaved, several times; medians and ratios are reported and
written into BENCHMARKS.md between the render markers. With BYLINE_BEFORE set to another byline binary
(the release build of the base of a change), it runs in the same rounds, so the table has before,
after and lowdown side by side.
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
BEFORE = os.environ.get("BYLINE_BEFORE")
RUNS = int(os.environ.get("BENCH_RUNS", "21"))
REAL_DOCUMENT = os.environ.get("BENCH_REAL_DOCUMENT", "/usr/share/doc/nodejs/changelogs/CHANGELOG_V12.md")
MEGABYTE = 1024 * 1024


def bodies():
    """The shipped posts' bodies, front matter cut off."""
    folder = os.path.join(ROOT, "posts")
    for name in sorted(os.listdir(folder)):
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        yield text.split("---", 2)[2] if text.startswith("---") else text


def write_post(name, title, text):
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, name + ".md")
    with open(path, "w", encoding="utf-8") as out:
        out.write("---\ntitle: %s\n---\n" % title + text)
    return path


def make_post(name, size):
    """A post of about `size` bytes: real prose, lists, code and tables, repeated."""
    text = ""
    parts = list(bodies())
    while len(text.encode()) < size:
        for body in parts:
            text += body
            if len(text.encode()) >= size:
                break
    return write_post(name, name, text)


def make_corpus_post(name, size):
    """Generated posts one after another, front matter and all, to about `size` bytes."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import corpus
    pieces, total, number = [], 0, 0
    while total < size:
        markdown = corpus.post(number)[2]
        pieces.append(markdown)
        total += len(markdown.encode())
        number += 1
    return write_post(name, name, "\n".join(pieces))


def make_real_post(name):
    """One long real document as it is, under a front matter (None when it is not on this machine)."""
    if not os.path.exists(REAL_DOCUMENT):
        print("%s: not found (install nodejs, or set BENCH_REAL_DOCUMENT)" % REAL_DOCUMENT)
        return None
    return write_post(name, os.path.basename(REAL_DOCUMENT), open(REAL_DOCUMENT, encoding="utf-8").read())


# Both programs run straight from here with NO_COLOR unset (through /usr/bin/env, byline's time would
# include a second exec, some 0.7 ms).
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "NO_COLOR"}


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENVIRONMENT)
    return time.perf_counter() - start


def measure(post):
    """Medians of every program on `post`, each round running them one after another."""
    commands = {"after": [BYLINE, "show", post, WORK, "--width", "120", "--color", "always"],
                "lowdown": ["lowdown", "-tterm", "--term-columns=120", post]}
    if BEFORE:
        commands["before"] = [BEFORE, "show", post, WORK, "--width", "120", "--color", "always"]
    times = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def main():
    if not os.path.exists(BYLINE):
        sys.exit("build first: swift build -c release")
    if BEFORE and not os.path.exists(BEFORE):
        sys.exit("BYLINE_BEFORE: no such file: %s" % BEFORE)
    posts = [("post-15k", make_post("post-15k", 15 * 1024)), ("post-1m", make_post("post-1m", MEGABYTE)),
             ("corpus-1m", make_corpus_post("corpus-1m", MEGABYTE)), ("real-1m", make_real_post("real-1m"))]
    rows = []
    for name, post in posts:
        if post is None:
            continue
        # Everything on disk before anything is timed: `make bench` builds byline just before. A run
        # straight after the build once put byline's median at 45 ms, and 38 when run again; the
        # kernel writing the build back may have been the difference.
        os.sync()
        medians = measure(post)
        rows.append((name, os.path.getsize(post), medians))
        ratio = medians["after"] / medians["lowdown"]
        before = "before %7.1f ms (%.2fx)   " % (medians["before"] * 1e3, medians["before"] / medians["lowdown"]) if BEFORE else ""
        print("%-9s %sbyline %7.1f ms   lowdown %7.1f ms   ratio %.2fx" % (name, before, medians["after"] * 1e3, medians["lowdown"] * 1e3, ratio))

    posts_said = ("post-15k and post-1m are the shipped posts' bodies repeated; corpus-1m is generated posts "
                  "(bench/corpus.py) one after another with their front matter kept; real-1m is %s." % os.path.basename(REAL_DOCUMENT))
    section = ["<!-- render:start -->", "## Rendering: `byline show` against `lowdown -tterm`", "",
               "Whole processes, 120 columns, colour on, medians of %d interleaved runs. %s "
               "Goal: at most 1.0x lowdown on each 1 MB post." % (RUNS, posts_said), ""]
    if BEFORE:
        section += ["Before: `%s`; after: `%s`." % (BEFORE, os.path.relpath(BYLINE, ROOT)), "",
                    "| post | bytes | before | after | lowdown | before / lowdown | after / lowdown |",
                    "|---|---:|---:|---:|---:|---:|---:|"]
        for name, size, medians in rows:
            section.append("| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.2fx | %.2fx |" % (
                name, size, medians["before"] * 1e3, medians["after"] * 1e3, medians["lowdown"] * 1e3,
                medians["before"] / medians["lowdown"], medians["after"] / medians["lowdown"]))
    else:
        section += ["| post | bytes | byline | lowdown | byline / lowdown |", "|---|---:|---:|---:|---:|"]
        for name, size, medians in rows:
            section.append("| %s | %d | %.1f ms | %.1f ms | %.2fx |" % (
                name, size, medians["after"] * 1e3, medians["lowdown"] * 1e3, medians["after"] / medians["lowdown"]))
    section += ["", "Measured %s on %s (%s, %d cores). Reproduce: `make bench` (`BYLINE_BEFORE=path python3 "
                "bench/render_bench.py` for a before column)." % (
        time.strftime("%Y-%m-%d"), platform.node(), platform.machine(), os.cpu_count()), "<!-- render:end -->"]
    benchmarks_md.write_section("render", "\n".join(section))


if __name__ == "__main__":
    main()
