#!/usr/bin/env python3
"""Wire benchmark: bytes written to the terminal per key, byline against newsboat, fzf and w3m.

byline is read over SSH, where every byte it writes costs. Each program runs on a pseudo-terminal of
120x40 (TERM=xterm-256color, LANG=C.UTF-8), started fresh for every run. The first screen is counted
once no output has come for 300 ms; then the scenario's set-up keys are sent (not counted), then the
measured key, counted until no output has come for 150 ms (3 s at most). Medians of BENCH_RUNS runs
(5 by default) are printed and written into BENCHMARKS.md between the wire markers.

The peers read the same 14 posts, built under .build/bench/wire/ from posts/: an RSS file for
newsboat, the post files for fzf (previewed with lowdown), one long HTML page for w3m (each post
rendered with `lowdown -thtml`). Nothing is written into posts/.

With BYLINE_BEFORE naming another byline binary (`make bench BENCH_BEFORE=<git ref>` builds one), every
byline scenario also runs the before binary, the two taking turns run by run (before, after, ...), and
the table gains a before column and after / before.
"""
import html
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

import benchmarks_md  # beside this file
import pty_driver
from pty_driver import read_until_quiet

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POSTS = os.path.join(ROOT, "posts")
WORK = os.path.join(ROOT, ".build", "bench", "wire")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ROWS, COLS = 40, 120
FIRST_QUIET, FIRST_DEADLINE = 0.3, 10.0
KEY_QUIET, KEY_DEADLINE = 0.15, 3.0
FIRST_FRAME_GOAL = 16 * 1024

DOWN, PAGE_DOWN, ENTER = b"\x1b[B", b"\x1b[6~", b"\r"
# The down arrow as a terminal sends it once a curses program has switched the keypad on (smkx):
# newsboat only knows this form. (In newsboat `j` is next-feed, not a move in the list.)
KEYPAD_DOWN = b"\x1bOB"
BEFORE = os.path.abspath(os.environ["BYLINE_BEFORE"]) if os.environ.get("BYLINE_BEFORE") else None


def byline_binary():
    """BYLINE from the environment, else the release build, else the debug one."""
    for path in (os.environ.get("BYLINE"), os.path.join(ROOT, ".build", "release", "byline"),
                 os.path.join(ROOT, ".build", "debug", "byline")):
        if path and os.path.exists(path):
            return os.path.abspath(path)
    sys.exit("build first: swift build -c release")


def shown_path(path):
    return os.path.relpath(path, ROOT) if path.startswith(ROOT) else path


# --- inputs for the peers ---------------------------------------------------------------------------

def posts():
    """(path, front matter dict, body) for each shipped post, by file name."""
    for name in sorted(os.listdir(POSTS)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(POSTS, name)
        text = open(path, encoding="utf-8").read()
        meta, body = {}, text
        if text.startswith("---"):
            _, front, body = text.split("---", 2)
            for line in front.strip().splitlines():
                key, _, value = line.partition(":")
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1]
                meta[key.strip()] = value
        yield path, meta, body


def to_html(markdown):
    return subprocess.run(["lowdown", "-thtml"], input=markdown.encode(), stdout=subprocess.PIPE,
                          check=True).stdout.decode("utf-8", "replace")


def make_inputs():
    """rss.xml, urls, config and a reloaded cache for newsboat; index.html for w3m."""
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "home"))
    entries = list(posts())

    items = []
    for path, meta, body in entries:
        pub = time.strftime("%a, %d %b %Y 00:00:00 +0000", time.strptime(meta.get("date", "2026-01-01"), "%Y-%m-%d"))
        tags = [t.strip() for t in meta.get("tags", "").strip("[]").split(",") if t.strip()]
        items.append("<item><title>%s</title><link>file://%s</link><guid>file://%s</guid><pubDate>%s</pubDate>%s"
                     "<description>%s</description></item>" % (
                         html.escape(meta.get("title", "")), html.escape(path), html.escape(path), pub,
                         "".join("<category>%s</category>" % html.escape(t) for t in tags),
                         html.escape(to_html(body))))
    rss = os.path.join(WORK, "rss.xml")
    with open(rss, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>posts</title>'
                  "<link>file://%s</link><description>byline's shipped posts</description>%s</channel></rss>\n"
                  % (POSTS, "".join(items)))
    with open(os.path.join(WORK, "urls"), "w") as out:
        out.write("file://%s\n" % rss)
    open(os.path.join(WORK, "config"), "w").close()
    subprocess.run(newsboat_argv() + ["-x", "reload"], env=environment(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True, timeout=60)

    with open(os.path.join(WORK, "index.html"), "w", encoding="utf-8") as out:
        out.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>posts</title></head><body>\n<h1>posts</h1>\n<ul>\n")
        for i, (_, meta, _) in enumerate(entries):
            out.write('<li><a href="#post-%d">%s</a> %s</li>\n' % (i, html.escape(meta.get("title", "")), meta.get("date", "")))
        out.write("</ul>\n")
        for i, (_, meta, body) in enumerate(entries):
            out.write('<article id="post-%d"><h1>%s</h1>\n%s</article>\n' % (i, html.escape(meta.get("title", "")), to_html(body)))
        out.write("</body></html>\n")


def newsboat_argv():
    return ["newsboat", "-u", os.path.join(WORK, "urls"), "-c", os.path.join(WORK, "cache.db"),
            "-C", os.path.join(WORK, "config")]


def environment():
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES", "LC_ALL", "NO_COLOR", "TMUX")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", HOME=os.path.join(WORK, "home"))
    return env


# --- the pseudo-terminal ------------------------------------------------------------------------------

def run_once(argv, setup, key):
    """(first frame, bytes after `key`) for one fresh run of argv; setup keys are sent uncounted."""
    pid, fd = pty_driver.spawn(argv, environment(), cwd=WORK, rows=ROWS, cols=COLS)
    try:
        first = read_until_quiet(fd, FIRST_QUIET, FIRST_DEADLINE)
        for step in setup:
            os.write(fd, step)
            read_until_quiet(fd, KEY_QUIET, KEY_DEADLINE)
        moved = b""
        if key is not None:
            os.write(fd, key)
            moved = read_until_quiet(fd, KEY_QUIET, KEY_DEADLINE)
        return len(first), len(moved)
    finally:
        pty_driver.stop(pid, fd)


def scenarios(byline):
    fzf = ["sh", "-c", "ls %s/*.md | fzf --layout=reverse --preview 'lowdown -tterm {}'" % POSTS]
    w3m = ["w3m", "-no-mouse", os.path.join(WORK, "index.html")]
    # (program, what, argv, uncounted set-up keys, measured key)
    return [
        ("byline", "tag pane `j` (preview unchanged)", [byline, POSTS], [b"t"], b"j"),
        ("byline", "list `j` (preview changes)", [byline, POSTS], [], b"j"),
        ("byline", "tag pane Space (requires the 3rd tag)", [byline, POSTS], [b"t", b"j", b"j"], b" "),
        ("byline", "reader `j` (one line)", [byline, POSTS], [ENTER], b"j"),
        ("byline", "reader PgDn", [byline, POSTS], [ENTER], PAGE_DOWN),
        ("newsboat", "article list down arrow", newsboat_argv(), [ENTER], KEYPAD_DOWN),
        ("fzf", "down arrow (preview changes)", fzf, [], DOWN),
        ("w3m", "`J` (one-line scroll)", w3m, [], b"J"),
        ("w3m", "`j` (cursor down, no scroll)", w3m, [], b"j"),
    ]


def main():
    byline = byline_binary()
    if BEFORE and not os.access(BEFORE, os.X_OK):
        sys.exit("BYLINE_BEFORE=%s is not an executable" % BEFORE)
    for tool in ("newsboat", "fzf", "w3m", "lowdown"):
        if not shutil.which(tool):
            sys.exit("missing %s: scripts/install-deps.sh --bench" % tool)
    make_inputs()

    results, first_frames, before_moves, before_firsts = [], {}, {}, []
    for program, what, argv, setup, key in scenarios(byline):
        firsts, moves, olds = [], [], []
        for _ in range(RUNS):
            # The before binary's run first, then this one's: a busy moment falls on both.
            if BEFORE and program == "byline":
                first, moved = run_once([BEFORE] + argv[1:], setup, key)
                before_firsts.append(first)
                olds.append(moved)
            first, moved = run_once(argv, setup, key)
            firsts.append(first)
            moves.append(moved)
        first_frames.setdefault(program, []).extend(firsts)
        median = statistics.median(moves)
        results.append((program, what, median, moves))
        print("%-9s %-40s %8.0f bytes   runs %s" % (program, what, median, moves))
        if olds:
            before_moves[what] = statistics.median(olds)
            print("%-9s %-40s %8.0f bytes   runs %s" % ("before", what, before_moves[what], olds))
    firsts = {program: statistics.median(values) for program, values in first_frames.items()}
    for program, value in firsts.items():
        print("%-9s %-40s %8.0f bytes" % (program, "first frame", value))
    before_first = statistics.median(before_firsts) if before_firsts else None

    def get(program, prefix):
        return next(median for p, what, median, _ in results if p == program and what.startswith(prefix))

    goals = [
        ("a move that leaves the preview alone (tag pane `j`) costs fewer bytes than newsboat's list move",
         get("byline", "tag pane `j`"), "<", get("newsboat", "article list"), "newsboat"),
        ("a list move that changes the preview costs fewer bytes than fzf's",
         get("byline", "list `j`"), "<", get("fzf", "down arrow"), "fzf"),
        ("a one-line scroll in the reader costs no more than w3m's (`J`)",
         get("byline", "reader `j`"), "<=", get("w3m", "`J`"), "w3m"),
        ("the first frame is under 16 KB", firsts["byline"], "<", FIRST_FRAME_GOAL, "16 KB"),
    ]
    goal_lines = []
    for text, mine, op, theirs, whom in goals:
        met = mine < theirs if op == "<" else mine <= theirs
        line = "- %s: **%s** (byline %d, %s %d)" % (text, "met" if met else "not met", mine, whom, theirs)
        if not met:
            line += ", over by %d bytes (%.2fx)" % (mine - theirs, mine / theirs)
        goal_lines.append(line)
        print(line)

    section = ["<!-- wire:start -->", "## Wire: bytes sent to the terminal per key, against newsboat, fzf and w3m", "",
               "Each program on a %dx%d pseudo-terminal (TERM=xterm-256color), started fresh per run; medians of %d runs. "
               "The first frame is counted once output has been quiet for 300 ms; a key's bytes until output has been quiet "
               "for 150 ms. Set-up keys (`t` for the tag pane, Enter to open a post or newsboat's feed) are not counted. "
               "The peers read the same 14 posts: newsboat an RSS file, fzf the files with `--layout=reverse --preview "
               "'lowdown -tterm {}'`, w3m one HTML page of every post rendered by `lowdown -thtml` (in w3m `j` moves the "
               "cursor; `J` scrolls one line; in newsboat `j` is next-feed, so its list move is the down arrow)." % (COLS, ROWS, RUNS), "",
               "| program | what | bytes |" + (" before | after / before |" if BEFORE else ""),
               "|---|---|---:|" + ("---:|---:|" if BEFORE else "")]

    def row(program, what, median, old):
        line = "| %s | %s | %d |" % (program, what, median)
        if BEFORE:
            line += "  | |" if program != "byline" else " – | |" if old is None else " %d | %s |" % (
                old, "%.2fx" % (median / old) if old else "–")
        return line

    for program in ("byline", "newsboat", "fzf", "w3m"):
        label = "first frame (the feed list)" if program == "newsboat" else "first frame"
        section.append(row(program, label, firsts[program], before_first if program == "byline" else None))
        for p, what, median, _ in results:
            if p == program:
                section.append(row(p, what, median, before_moves.get(what) if p == "byline" else None))
    section += ["", "Goals:", ""] + goal_lines
    if BEFORE:
        section += ["", "Before: `%s`, each of its runs taken just before this binary's run of the same scenario." % shown_path(BEFORE)]
    section += ["", "Measured %s on %s (%s, %d cores) with %s. Reproduce: `make bench` (`make bench BENCH_BEFORE=<git ref>` "
                "for before and after)." % (time.strftime("%Y-%m-%d"), platform.node(), platform.machine(), os.cpu_count(),
                                            shown_path(byline)),
                "<!-- wire:end -->"]
    benchmarks_md.write_section("wire", "\n".join(section))


if __name__ == "__main__":
    main()
