#!/usr/bin/env python3
"""Scale benchmark: byline on 1,000, 10,000 and 100,000 generated posts, against the floor and the peers.

Every program runs on a 120x40 pseudo-terminal (TERM=xterm-256color, LANG=C.UTF-8), started fresh per
run, and what it draws is fed to a small terminal emulator (bench/pty_driver.py), so "the list is
complete" means the screen shows it, however the program updates it. Per size, medians of BENCH_RUNS
runs (5 by default):

- byline, twice: without a cache (`--no-cache`) and with a fresh one (built by `byline index` first,
  its time and size reported): start to the first screen whose status line reads `N of N posts`; then, in the same session,
  the time to the last byte and the bytes of one list move (`j`), one search keystroke (`/` uncounted,
  then `q`, until the status line shows the count `byline list --search q` gives and output stops),
  one reader page (Enter uncounted, then PgDn), one tag toggle (`t` uncounted, then Space on the first
  tag, until the status line shows that tag's count and output stops); peak RSS (VmHWM) at the end.
- floor: a plain Python loop, in this process, that lists the folder, opens every post and reads its
  first 4 KiB. Its runs and byline's runs without a cache take turns, so that their ratio is measured
  side by side.
- fzf --layout=reverse --preview 'lowdown -tterm {}' over the post files (names on stdin): start to the
  info line showing `N/N`; one down arrow (selection and preview); one query keystroke `q` (file names
  only); peak RSS.
- newsboat over an RSS file of the same posts (file:// URL, reloaded into its cache beforehand, not
  timed): start to the feed list, then Enter to the article list (the sum is reported); one down arrow;
  peak RSS. Only up to BENCH_NEWSBOAT_MAX posts (10,000): reloading 100,000 items takes too long.
- w3m on an HTML index (one link per post, with its title): start to the first screen showing the first
  link; peak RSS. Only up to BENCH_W3M_MAX posts (10,000).

A key's time runs from writing it to the last byte before output has been quiet for 150 ms. Output is
timed when it is read, and all that has arrived is read before any of it is fed to the emulator (which
takes milliseconds for a few KB), so a frame written in two is not timed by the harness's own parsing. The run
has a time budget (BENCH_SCALE_BUDGET seconds, 600 by default): once it is spent, remaining runs are
skipped and the report says so. Results go into BENCHMARKS.md between the scale markers. `byline show`
against lowdown is the render section's (bench/render_bench.py); its 1 MB ratio is quoted from there.

Before and after: with BYLINE_BEFORE naming another byline binary (`make bench BENCH_BEFORE=<git ref>`
builds one), every byline figure above is measured for both binaries, their runs taken in turn
(floor, before, after, floor, before, after... without a cache; before, after... with one), each with a
cache its own `byline index` built (the two may differ in format). BENCHMARKS.md then gains a table of
both side by side with their ratio, and the goals of issue 16 compare memory with the before binary's.
The budget is then twice as long by default.

Corpora are built by bench/corpus.py under .build/bench/corpus-N/ (reused while corpus.py is unchanged).
"""
import hashlib
import html
import json
import multiprocessing
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

import benchmarks_md  # beside this file
import corpus
import pty_driver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench")
SIZES = [int(s.replace("_", "")) for s in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",") if s.strip()]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
INDEX_DEADLINE = 300.0
BEFORE = os.environ.get("BYLINE_BEFORE") or None
BUDGET = float(os.environ.get("BENCH_SCALE_BUDGET", "1200" if BEFORE else "600"))
NEWSBOAT_MAX = int(os.environ.get("BENCH_NEWSBOAT_MAX", "10000"))
W3M_MAX = int(os.environ.get("BENCH_W3M_MAX", "10000"))
ROWS, COLS = 40, 120
SETTLE, KEY_QUIET = 0.3, 0.15
START_DEADLINE, KEY_DEADLINE, SEARCH_DEADLINE = 120.0, 10.0, 120.0
SEARCH_LETTER = "q"
# Issue 16: every key at 100,000 posts within one 60 Hz frame, from the key's write to the frame's last
# byte; the cached first screen at 100,000 posts within FIRST_SCREEN_GOAL.
FRAME_GOAL, FIRST_SCREEN_GOAL = 1 / 60, 0.050
# Typed after the search letter, the first uncounted (`qu` finds what `q` does in the corpus): then the
# list narrows from its results to fewer (byline only).
REFINE_LETTERS = "ua"

DOWN, PAGE_DOWN, ENTER, ESC = b"\x1b[B", b"\x1b[6~", b"\r", b"\x1b"
KEYPAD_DOWN = b"\x1bOB"  # newsboat only knows the keypad form of the down arrow

T0 = time.monotonic()
notes = []


def log(text):
    print("[%6.1fs] %s" % (time.monotonic() - T0, text), flush=True)


def over_budget():
    return time.monotonic() - T0 > BUDGET


def byline_binary():
    for path in (os.environ.get("BYLINE"), os.path.join(ROOT, ".build", "release", "byline")):
        if path and os.path.exists(path):
            return os.path.abspath(path)
    sys.exit("build first: swift build -c release")


def before_binary():
    """BYLINE_BEFORE, the binary the figures are compared with, or None."""
    if BEFORE and not os.access(BEFORE, os.X_OK):
        sys.exit("BYLINE_BEFORE=%s is not an executable" % BEFORE)
    return BEFORE and os.path.abspath(BEFORE)


def environment(home):
    env = {k: v for k, v in os.environ.items()
           if k not in ("COLUMNS", "LINES", "LC_ALL", "NO_COLOR", "TMUX") and not k.startswith("FZF_")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", HOME=home)
    return env


# --- inputs -----------------------------------------------------------------------------------------

def corpus_folder(n):
    """.build/bench/corpus-N, written by corpus.py unless a stamp says this corpus.py already wrote it."""
    folder = os.path.join(WORK, "corpus-%d" % n)
    stamp = folder + ".stamp"
    digest = hashlib.sha256(open(corpus.__file__, "rb").read()).hexdigest() + " %d\n" % n
    if os.path.exists(stamp) and open(stamp).read() == digest and os.path.isdir(folder):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.monotonic()
    subprocess.run([sys.executable, corpus.__file__, str(n), folder], check=True)
    log("corpus of %d posts written in %.1f s" % (n, time.monotonic() - started))
    with open(stamp, "w") as out:
        out.write(digest)
    return folder


def peer_inputs(n, folder):
    """names.txt (for fzf), rss.xml + urls + config + home (newsboat), index.html (w3m) in .build/bench/scale-N."""
    work = os.path.join(WORK, "scale-%d" % n)
    os.makedirs(os.path.join(work, "home"), exist_ok=True)
    names = sorted(os.listdir(folder))
    with open(os.path.join(work, "names.txt"), "w") as out:
        out.write("".join(name + "\n" for name in names))
    posts = None
    if n <= W3M_MAX or n <= NEWSBOAT_MAX:
        posts = [corpus.post(i) for i in range(n)]
    if n <= W3M_MAX:
        with open(os.path.join(work, "index.html"), "w", encoding="utf-8") as out:
            out.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>posts</title></head><body>\n'
                      "<h1>%d posts</h1>\n<ul>\n" % n)
            for name, meta, _, _ in posts:
                out.write('<li><a href="file://%s">%s</a> %s</li>\n' % (
                    html.escape(os.path.join(folder, name)), html.escape(meta["title"]), meta["date"]))
            out.write("</ul>\n</body></html>\n")
    if n <= NEWSBOAT_MAX:
        rss = os.path.join(work, "rss.xml")
        with open(rss, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>posts</title>'
                      "<link>file://%s</link><description>%d generated posts</description>\n" % (folder, n))
            for name, meta, _, body in posts:
                url = html.escape("file://" + os.path.join(folder, name))
                pub = time.strftime("%a, %d %b %Y 00:00:00 +0000", time.strptime(meta["date"], "%Y-%m-%d"))
                out.write("<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>%s"
                          "<description>%s</description></item>\n" % (
                              html.escape(meta["title"]), url, url, pub,
                              "".join("<category>%s</category>" % t for t in meta["tags"]), html.escape(body)))
            out.write("</channel></rss>\n")
        with open(os.path.join(work, "urls"), "w") as out:
            out.write("file://%s\n" % rss)
        open(os.path.join(work, "config"), "w").close()
        cache = os.path.join(work, "cache.db")
        if os.path.exists(cache):
            os.remove(cache)
        started = time.monotonic()
        subprocess.run(newsboat_argv(work) + ["-x", "reload"], env=environment(os.path.join(work, "home")),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=600)
        log("newsboat reloaded %d items in %.1f s (not timed)" % (n, time.monotonic() - started))
    # All of it on disk before anything is timed: at 10,000 posts the RSS file and newsboat's cache are
    # some 200 MB, and the kernel writing them back slowed the runs that came next (byline's first screen
    # by some 25 ms).
    os.sync()
    return work


def prepared_peer_inputs(n, folder):
    """`peer_inputs` in a child process: the posts it makes for the RSS and HTML files (hundreds of
    megabytes of Python objects at 10,000 posts) would stay in this interpreter, and every program timed
    after them would start later, its fork and exec having all that to copy and tear down."""
    child = multiprocessing.get_context("fork").Process(target=peer_inputs, args=(n, folder))
    child.start()
    child.join()
    if child.exitcode != 0:
        sys.exit("preparing the peers' inputs for %d posts failed" % n)
    return os.path.join(WORK, "scale-%d" % n)


def newsboat_argv(work):
    return ["newsboat", "-u", os.path.join(work, "urls"), "-c", os.path.join(work, "cache.db"),
            "-C", os.path.join(work, "config")]


def expectations(byline, folder):
    """((posts matching the search letter, posts matching it refined), the tag first in byline's tag pane,
    its post count)."""
    def matching(words):
        listed = subprocess.run([byline, "list", folder, "--search", words, "--json"], stdout=subprocess.PIPE,
                                check=True, timeout=600).stdout
        return len(json.loads(listed))
    found = (matching(SEARCH_LETTER), matching(SEARCH_LETTER + REFINE_LETTERS[0]), matching(SEARCH_LETTER + REFINE_LETTERS))
    first = subprocess.run([byline, "tags", folder], stdout=subprocess.PIPE, check=True, timeout=600).stdout
    tag, count = first.decode().splitlines()[0].split()
    return found, tag, int(count)


# --- measuring ----------------------------------------------------------------------------------------

class Session:
    """One program on a pty, its screen, and timed keys."""

    def __init__(self, argv, env, cwd=None, stdin_path=None):
        self.screen = pty_driver.Screen(ROWS, COLS)
        self.pid, self.fd = pty_driver.spawn(argv, env, cwd=cwd, rows=ROWS, cols=COLS, stdin_path=stdin_path)
        # Timed from the fork's return, not its call: forking this interpreter copies its page tables,
        # which grow with what it has made (the peers' 10,000-post inputs added some 20 ms to every
        # start timed after them), and a shell starting a program pays nothing like it.
        self.started = time.monotonic()

    def wait_for(self, condition, deadline, start=None):
        """Seconds from `start` (the spawn by default) until condition(screen) holds; None past the deadline."""
        start = self.started if start is None else start
        if condition(self.screen):
            return time.monotonic() - start
        _, _, hit = pty_driver.read_timed(self.fd, 0, deadline - (time.monotonic() - start), until=condition,
                                          start=start, screen=self.screen)
        return hit

    def settle(self, quiet=SETTLE, deadline=KEY_DEADLINE):
        pty_driver.read_timed(self.fd, quiet, deadline, screen=self.screen)

    def key(self, data):
        """Writes data (uncounted); waits until output is quiet."""
        os.write(self.fd, data)
        self.settle()

    def timed_key(self, data, condition=None, deadline=KEY_DEADLINE, observe=None):
        """(seconds to the last byte, bytes) after writing data; with a condition, output is read at
        least until it holds on the screen (None for the time if it never did). `observe` sees the
        screen after each chunk read (`pty_driver.read_timed`)."""
        start = time.monotonic()
        os.write(self.fd, data)
        received, hit = b"", None
        if condition is not None:
            received, _, hit = pty_driver.read_timed(self.fd, 0, deadline, until=condition, start=start,
                                                     screen=self.screen, observe=observe)
            if hit is None:
                return None, len(received)
        more, last, _ = pty_driver.read_timed(self.fd, KEY_QUIET, deadline, start=start, screen=self.screen,
                                              observe=observe)
        if last is None:  # nothing more after the condition held
            last = hit
        return last, len(received) + len(more)

    def rss_mib(self):
        """Resident now (VmRSS)."""
        kib = pty_driver.rss_kib(self.pid)
        return None if kib is None else kib / 1024.0

    def peak_rss_mib(self, pid=None):
        kib = pty_driver.peak_rss_kib(self.pid if pid is None else pid)
        return None if kib is None else kib / 1024.0

    def close(self):
        pty_driver.stop(self.pid, self.fd)


def list_pane(screen):
    """The result list's rows as text (between the first and second pane borders)."""
    rows = []
    for row in range(2, ROWS - 1):
        parts = screen.text(row).split("│")
        rows.append(parts[1] if len(parts) >= 3 else "")
    return rows


def settled_at(frames, final):
    """When the list first showed its final rows for good: the time of the frame after the last one
    that differed (byline shows a search's first results while it still reads bodies)."""
    settled = None
    for at, rows in frames:
        if rows != final:
            settled = None
        elif settled is None:
            settled = at
    return settled


def count_shown(found, total, after=""):
    """The status line's ` FOUND of TOTAL posts`: grouped as byline writes counts since issue 18
    (`100,000`), or plain as a build before it did (BENCH_BEFORE)."""
    texts = [" %s of %s posts%s" % (format(found, ","), format(total, ","), after), " %d of %d posts%s" % (found, total, after)]
    return lambda screen: any(text in screen.text(ROWS - 1) for text in texts)


def byline_run(byline, folder, n, found, tag_count, env, options):
    s = Session([byline] + options + [folder], env)
    try:
        result = {"start": s.wait_for(count_shown(n, n, " · list"), START_DEADLINE)}
        if result["start"] is None:
            return result
        result["rss_first"] = s.rss_mib()
        s.settle()
        result["move"] = s.timed_key(b"j")
        s.key(b"/")
        letter, between, refined = found
        result["search"] = s.timed_key(SEARCH_LETTER.encode(), count_shown(letter, n),
                                       SEARCH_DEADLINE)
        # The next letters narrow the list: when its first screen is final, and when every result is in.
        s.timed_key(REFINE_LETTERS[0].encode(), count_shown(between, n), SEARCH_DEADLINE)
        frames = []
        result["refine"] = s.timed_key(REFINE_LETTERS[1].encode(), count_shown(refined, n),
                                       SEARCH_DEADLINE, observe=lambda screen, at: frames.append((at, list_pane(screen))))
        result["refine_first"] = settled_at(frames, list_pane(s.screen))
        s.key(ESC)
        s.wait_for(count_shown(n, n, " · list"), KEY_DEADLINE, start=time.monotonic())
        s.key(ENTER)
        result["page"] = s.timed_key(PAGE_DOWN)
        s.key(b"q")
        s.key(b"t")
        result["toggle"] = s.timed_key(b" ", count_shown(tag_count, n), SEARCH_DEADLINE)
        result["rss"] = s.peak_rss_mib()
        return result
    finally:
        s.close()


def follow_run(byline, folder, n, env, options):
    """Following a link: post 0 found by the word only its link holds (`/zyzzyva`, Enter, Enter: all
    uncounted), `1` typed (uncounted), then Enter timed until the title bar shows post 1; then `B` timed
    until it shows post 0 again."""
    first, second = corpus.post(0)[1]["title"], corpus.post(1)[1]["title"]
    s = Session([byline] + options + [folder], env)
    try:
        result = {"start": s.wait_for(count_shown(n, n, " · list"), START_DEADLINE)}
        if result["start"] is None:
            return result
        s.settle()
        s.key(b"/")
        for letter in corpus.LINK_WORD:
            os.write(s.fd, letter.encode())
        if s.wait_for(count_shown(1, n), SEARCH_DEADLINE, start=time.monotonic()) is None:
            result["start"] = None
            return result
        s.settle()
        s.key(ENTER)
        s.key(ENTER)
        if s.wait_for(lambda screen: first in screen.text(0), KEY_DEADLINE, start=time.monotonic()) is None:
            result["start"] = None
            return result
        s.settle()
        s.key(b"1")
        result["follow"] = s.timed_key(ENTER, lambda screen: second in screen.text(0))
        result["back"] = s.timed_key(b"B", lambda screen: first in screen.text(0))
        return result
    finally:
        s.close()


def first_start_run(byline, folder, n, env, cache_dir):
    """A first start with the cache on (no flag): the reader shows the blog, then writes its cache behind
    the screen. Seconds to the complete first screen and until the cache is in place, and peak RSS then."""
    shutil.rmtree(cache_dir, ignore_errors=True)
    s = Session([byline, "--cache-dir", cache_dir, folder], env)
    try:
        result = {"start": s.wait_for(count_shown(n, n), START_DEADLINE)}
        if result["start"] is None:
            return result
        deadline = time.monotonic() + INDEX_DEADLINE
        while time.monotonic() < deadline:
            if os.path.isdir(cache_dir) and any(name.endswith(".sqlite") for name in os.listdir(cache_dir)):
                result["written"] = time.monotonic() - s.started
                break
            pty_driver.read_timed(s.fd, 0.2, 0.2, screen=s.screen)
        result["rss"] = s.peak_rss_mib()
        return result
    finally:
        s.close()
        # Removed at once: its hundreds of megabytes, still being written back to disk, would slow the
        # runs measured next.
        shutil.rmtree(cache_dir, ignore_errors=True)


def build_cache(byline, folder, cache_dir, env):
    """`byline index` into a fresh cache folder: (seconds, megabytes on disk)."""
    shutil.rmtree(cache_dir, ignore_errors=True)
    started = time.monotonic()
    subprocess.run([byline, "index", folder, "--cache-dir", cache_dir], env=env, check=True, stdout=subprocess.DEVNULL,
                   timeout=3600)
    seconds = time.monotonic() - started
    size = sum(os.path.getsize(os.path.join(cache_dir, name)) for name in os.listdir(cache_dir))
    # The cache on disk before anything is timed: the kernel writing it back meanwhile (857 MB at
    # 100,000 posts) slowed the runs that read it.
    os.sync()
    return seconds, size / 1e6


def floor_run(folder):
    """Seconds to list the folder, open every post and read its first 4 KiB (plain Python)."""
    started = time.perf_counter()
    for name in os.listdir(folder):
        fd = os.open(os.path.join(folder, name), os.O_RDONLY)
        os.read(fd, 4096)
        os.close(fd)
    return time.perf_counter() - started


def fzf_run(folder, work, n, env):
    s = Session(["fzf", "--layout=reverse", "--preview", "lowdown -tterm {}"], env, cwd=folder,
                stdin_path=os.path.join(work, "names.txt"))
    try:
        total = "%d/%d" % (n, n)
        result = {"start": s.wait_for(lambda screen: any(line.lstrip().startswith(total) for line in screen.lines()),
                                      START_DEADLINE)}
        if result["start"] is None:
            return result
        s.settle()
        result["move"] = s.timed_key(DOWN)
        result["search"] = s.timed_key(SEARCH_LETTER.encode(), deadline=SEARCH_DEADLINE)
        result["rss"] = s.peak_rss_mib()
        return result
    finally:
        s.close()


def newsboat_run(work, n, env):
    s = Session(newsboat_argv(work), env)
    try:
        # The feed's line reads `(N/N) posts`, its count column cut short at 10,000: `(10000/1000 posts`.
        feeds = s.wait_for(lambda screen: "(%d/" % n in screen.text(1) and "posts" in screen.text(1), START_DEADLINE)
        if feeds is None:
            return {"start": None}
        entered = time.monotonic()
        os.write(s.fd, ENTER)
        articles = s.wait_for(lambda screen: "Articles in feed" in screen.text(0), START_DEADLINE, start=entered)
        if articles is None:
            return {"start": None}
        s.settle()
        result = {"start": feeds + articles, "feeds": feeds}
        result["move"] = s.timed_key(KEYPAD_DOWN)
        result["rss"] = s.peak_rss_mib()
        return result
    finally:
        s.close()


def w3m_run(work, first_title, env):
    s = Session(["w3m", "-no-mouse", os.path.join(work, "index.html")], env)
    try:
        result = {"start": s.wait_for(lambda screen: screen.contains(first_title), START_DEADLINE)}
        s.settle()
        result["rss"] = s.peak_rss_mib()
        return result
    finally:
        s.close()


def medians(runs):
    """{figure: median} over runs (dicts of a number or a (seconds, bytes) pair); None if missing anywhere."""
    out = {}
    for key in set().union(*runs) if runs else ():
        values = [r.get(key) for r in runs]
        if any(v is None for v in values) or any(isinstance(v, tuple) and v[0] is None for v in values):
            out[key] = None
        elif isinstance(values[0], tuple):
            out[key] = (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        else:
            out[key] = statistics.median(values)
    out["runs"] = len(runs)
    return out


def repeat(what, n, run):
    """Medians of RUNS runs of one program (None if none ran)."""
    return repeat_together(n, (what, run))[0]


def repeat_together(n, *programs):
    """Medians of RUNS runs of each (name, run) program, their runs taken in turn, so that programs whose
    ratio is reported meet the same moments of this shared machine. Stops early when the budget is spent
    or a program shows no complete first screen."""
    names = [name for name, _ in programs]
    runs = {name: [] for name in names}
    for _ in range(RUNS):
        if over_budget():
            notes.append("%s at %s posts: budget of %.0f s spent after %d of %d runs." % (
                " and ".join(names), f"{n:,}", BUDGET, len(runs[names[-1]]), RUNS))
            break
        for name, run in programs:
            runs[name].append(run())
        failed = [name for name in names if runs[name][-1].get("start") is None]
        if failed:
            notes.append("%s at %s posts: no complete first screen within %.0f s; no further runs." % (
                " and ".join(failed), f"{n:,}", START_DEADLINE))
            break
    results = tuple(medians(runs[name]) if runs[name] else None for name in names)
    for name, result in zip(names, results):
        log("%-8s %7d  %s" % (name, n, result))
    return results


# --- report -------------------------------------------------------------------------------------------

def ms(value):
    if value is None:
        return "–"
    return "%.1f ms" % (value * 1e3) if value < 1 else "%.2f s" % value


def mib(value):
    return "–" if value is None else "%.0f MB" % value


def ratio(mine, theirs):
    if mine is None or not theirs:
        return "–"
    return "%.1fx" % (mine / theirs)


def render_1m_ratio():
    """byline / lowdown on the 1 MB post, from the render section of BENCHMARKS.md."""
    path = os.path.join(ROOT, "BENCHMARKS.md")
    if not os.path.exists(path):
        return None
    found = re.search(r"\| post-1m \|[^\n]*\| ([0-9.]+)x \|", open(path, encoding="utf-8").read())
    return float(found.group(1)) if found else None


def report(results, byline, before, elapsed):
    sizes = sorted(results)
    lines = ["<!-- scale:start -->", "## Scale: %s generated posts, against the floor and the peers" % " to ".join(
        f"{n:,}" for n in (sizes[0], sizes[-1]) if len(sizes) > 1 or n == sizes[0]), "",
             "Generated by `bench/corpus.py` (1 to 15 KB each, YAML front matter, 1 to 4 of 60 tags with a Zipf-like "
             "spread, headings, lists, code, a table, links, CJK and emoji). Every program on a %dx%d pseudo-terminal, "
             "fresh per run, its output fed to a terminal emulator; medians of %d runs, warm page cache. "
             "**Start** is the time to the first screen showing every post counted: byline's status line `N of N posts`, "
             "fzf's info line `N/N`, newsboat's feed list plus Enter to its article list, w3m the first link of the index. "
             "The **floor** is a plain Python loop (interpreter already running) that lists the folder, opens every post "
             "and reads its first 4 KiB; its runs take turns with byline's runs without a cache. Output is timed when read, all that has arrived read before any is parsed. A key's time runs from writing it to the last byte before 150 ms of quiet; for "
             "byline's search and tag toggle, output is read at least until the status line shows the expected count. "
             "byline: list `j`; search `/` (uncounted) then `%s` over title, summary, tags and body; then `%s` "
             "(uncounted) and `%s`, which narrows the list, timed twice: until the list's first screen shows its final rows for good (byline shows a "
             "search's first results while it still reads bodies), and until every result is counted; reader Enter "
             "(uncounted) then PgDn; tag pane `t` (uncounted) then Space on the first tag; in sessions of their own with the fresh "
             "cache, a link followed (post 0 found by `/zyzzyva`, the word its link to post 1 holds, and opened, all "
             "uncounted; `1` uncounted, then Enter timed until the title bar shows post 1) and `B` back. fzf: down arrow (the preview "
             "is `lowdown -tterm`), query `%s` (file names only). newsboat: down arrow in the article list. "
             "Peak RSS is VmHWM at the end of the session. Best peer: the fastest (or smallest) of fzf, newsboat and w3m "
             "that measured the figure." % (COLS, ROWS, RUNS, SEARCH_LETTER, REFINE_LETTERS[0], REFINE_LETTERS[1], SEARCH_LETTER), ""]
    lines += ["| posts | figure | byline, no cache | byline, fresh cache | floor | fzf | newsboat | w3m | byline / floor "
              "(no cache) | byline / best peer (cached) |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        r = results[n]
        b, c, fl, fz, nb, w3 = (r.get(k) or {} for k in ("byline", "cached", "floor", "fzf", "newsboat", "w3m"))

        def peer_best(key, index=None):
            values = []
            for peer in (fz, nb, w3):
                v = peer.get(key)
                if isinstance(v, tuple):
                    v = v[0]
                if v is not None:
                    values.append(v)
            return min(values) if values else None

        def key_cell(v):
            return "–" if not v or v[0] is None else "%s, %d B" % (ms(v[0]), v[1])

        def t(v):
            return v[0] if isinstance(v, tuple) else v

        row = "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
        lines.append(row % (f"{n:,}", "start, every post counted", ms(b.get("start")), ms(c.get("start")), ms(fl.get("start")),
                            ms(fz.get("start")), ms(nb.get("start")), ms(w3.get("start")),
                            ratio(b.get("start"), fl.get("start")), ratio(c.get("start"), peer_best("start"))))
        lines.append(row % (f"{n:,}", "list move", key_cell(b.get("move")), key_cell(c.get("move")), "",
                            key_cell(fz.get("move")), key_cell(nb.get("move")), "", "", ratio(t(c.get("move")), peer_best("move"))))
        lines.append(row % (f"{n:,}", "search keystroke", key_cell(b.get("search")), key_cell(c.get("search")), "",
                            key_cell(fz.get("search")), "", "", "", ratio(t(c.get("search")), peer_best("search"))))
        lines.append(row % (f"{n:,}", "narrowing search letter: first screen of results final", ms(b.get("refine_first")),
                            ms(c.get("refine_first")), "", "", "", "", "", ""))
        lines.append(row % (f"{n:,}", "narrowing search letter: every result counted", key_cell(b.get("refine")),
                            key_cell(c.get("refine")), "", "", "", "", "", ""))
        lines.append(row % (f"{n:,}", "tag toggle", key_cell(b.get("toggle")), key_cell(c.get("toggle")), "", "", "", "", "",
                            "no peer has one"))
        lines.append(row % (f"{n:,}", "reader page (PgDn)", key_cell(b.get("page")), key_cell(c.get("page")), "", "", "", "", "", ""))
        fo = r.get("follow") or {}
        lines.append(row % (f"{n:,}", "follow a link (`1` uncounted, then Enter)", "", key_cell(fo.get("follow")), "", "", "", "",
                            "", "no peer has one"))
        lines.append(row % (f"{n:,}", "back from a followed link (`B`)", "", key_cell(fo.get("back")), "", "", "", "", "", ""))
        lines.append(row % (f"{n:,}", "peak RSS", mib(b.get("rss")), mib(c.get("rss")), "", mib(fz.get("rss")), mib(nb.get("rss")),
                            mib(w3.get("rss")), "", ratio(c.get("rss"), peer_best("rss"))))
    skipped = [n for n in sizes if n > NEWSBOAT_MAX or n > W3M_MAX]
    if skipped:
        lines += ["", "newsboat and w3m are not run above %s posts: reloading an RSS file of 100,000 items into newsboat's "
                  "cache, and w3m laying out an index of 100,000 links, take minutes." % f"{min(NEWSBOAT_MAX, W3M_MAX):,}"]
    lines += ["", "fzf reads only the file names (on stdin) before it counts them all, and opens one file for its preview, so it "
              "can beat the floor. newsboat's list move only moves a highlight (no preview); fzf's and byline's redraw a "
              "preview. PgDn's bytes depend on the post the reader opened (the second newest, which differs by size)."]
    nb_feeds = [(n, results[n]["newsboat"]["feeds"]) for n in sizes if (results[n].get("newsboat") or {}).get("feeds")]
    if nb_feeds:
        lines += ["newsboat's start is its feed list (%s) plus Enter to the article list." % ", ".join(
            "%s at %s" % (ms(v), f"{n:,}") for n, v in nb_feeds)]

    built = ["%s posts in %.1f s (%.0f MB)" % (f"{n:,}", results[n]["index"]["seconds"], results[n]["index"]["megabytes"])
             for n in sizes if results[n].get("index")]
    if built:
        lines += ["", "**No cache** runs pass `--no-cache` (the first start of a blog: every file's front matter read). "
                  "**Fresh cache** runs read a cache that `byline index` built beforehand (not timed in the table): %s. "
                  "The reader then checks every file's size and modification time in the background and finds nothing "
                  "to read." % "; ".join(built)]
    first = [(n, results[n]["first"]) for n in sizes if (results[n].get("first") or {}).get("rss")]
    if first:
        lines += ["", "**First start with the cache on** (no flag, no cache yet; one run each, since it happens once): the "
                  "reader shows the blog, then writes its cache behind the screen on one core at idle priority. %s." % "; ".join(
                      "%s posts: complete first screen in %s, cache written after %s, peak RSS %s" % (
                          f"{n:,}", ms(f.get("start")), ms(f.get("written")) if f.get("written") else "more than %.0f s" % INDEX_DEADLINE,
                          mib(f.get("rss"))) for n, f in first)]
    if before:
        lines += side_by_side(results, before)
    lines += ["", "Goals of issue 6:", ""]
    for goal in goals(results):
        lines.append("- " + goal)
    lines += ["", "Goals of issue 16 (a key's time runs from its write to the frame's last byte):", ""]
    for goal in goals_16(results, before):
        lines.append("- " + goal)
    if notes:
        lines += [""] + ["Note: " + note for note in notes]
    lines += ["", "This run took %.0f s (corpus generation included when corpus.py changed). Measured %s on %s (%s, %d cores) "
              "with %s%s. Reproduce: `make bench` (`make bench BENCH_BEFORE=<git ref>` for before and after), or "
              "`BENCH_SIZES=1000,10000 python3 bench/scale_bench.py` for a quick run "
              "(BYLINE, BYLINE_BEFORE, BENCH_RUNS, BENCH_SCALE_BUDGET, BENCH_NEWSBOAT_MAX, BENCH_W3M_MAX)." % (
                  elapsed, time.strftime("%Y-%m-%d"), platform.node(), platform.machine(), os.cpu_count(),
                  shown_path(byline), "" if not before else ", before: %s" % shown_path(before)), "<!-- scale:end -->"]
    return "\n".join(line for line in lines if line is not None)


def shown_path(path):
    return os.path.relpath(path, ROOT) if path.startswith(ROOT) else path


def side_by_side(results, before):
    """Every byline figure of the table, before and after, with after / before."""
    sizes = sorted(results)
    lines = ["", "### Before and after", "",
             "The same figures for the before binary (`%s`) and this one, their runs taken in turn (before, after, "
             "before, after...), each reading a cache its own `byline index` built. **RSS at the first screen** is "
             "VmRSS when the status line first shows every post counted. An after / before under 1.00x is an "
             "improvement." % shown_path(before), "",
             "| posts | figure | before, no cache | after, no cache | after / before | before, fresh cache | "
             "after, fresh cache | after / before |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]

    def value(v):
        return v[0] if isinstance(v, tuple) else v

    def cell(v, unit):
        if v is None:
            return "–"
        return "%s, %d B" % (ms(v[0]), v[1]) if isinstance(v, tuple) and v[0] is not None else unit(value(v))

    def pair(r, old, new, key, unit):
        a, b = (r.get(old) or {}).get(key), (r.get(new) or {}).get(key)
        change = "–" if value(a) is None or value(b) is None or not value(a) else "%.2fx" % (value(b) / value(a))
        return [cell(a, unit), cell(b, unit), change]

    figures = [("start, every post counted", "start", ms), ("RSS at the first screen", "rss_first", mib),
               ("list move", "move", ms), ("search keystroke", "search", ms),
               ("narrowing search letter: first screen of results final", "refine_first", ms),
               ("narrowing search letter: every result counted", "refine", ms), ("tag toggle", "toggle", ms),
               ("reader page (PgDn)", "page", ms), ("peak RSS", "rss", mib)]
    for n in sizes:
        r = results[n]
        for label, key, unit in figures:
            lines.append("| %s | %s | %s |" % (f"{n:,}", label, " | ".join(
                pair(r, "before", "byline", key, unit) + pair(r, "before_cached", "cached", key, unit))))
        # The one-time figures: a first start writing the cache (no flag), and `byline index`.
        for label, key, unit in (("first start with the cache on: complete first screen", "start", ms),
                                 ("first start with the cache on: cache written", "written", ms),
                                 ("first start with the cache on: peak RSS", "rss", mib)):
            lines.append("| %s | %s | %s | | | |" % (f"{n:,}", label, " | ".join(pair(r, "before_first", "first", key, unit))))
        for label, key, unit in (("`byline index`: time", "seconds", lambda v: ms(v)),
                                 ("`byline index`: cache size", "megabytes", lambda v: "%.0f MB" % v)):
            lines.append("| %s | %s | | | | %s |" % (f"{n:,}", label, " | ".join(pair(r, "before_index", "index", key, unit))))
    lines += ["", "First starts and `byline index` run once per binary (in the fresh-cache columns for the index)."]
    return lines


def goals_16(results, before):
    """Issue 16's goals for the after binary; memory against the before binary's."""
    out = []

    def get(n, program, key):
        value = ((results.get(n) or {}).get(program) or {}).get(key)
        return value[0] if isinstance(value, tuple) else value

    def line(text, n, mine, limit, detail="", unit=ms):
        if n not in results:
            return "%s: **not measured** (%s posts not in BENCH_SIZES)" % (text, f"{n:,}")
        if mine is None or limit is None:
            return "%s: **not measured** at %s posts%s" % (text, f"{n:,}", detail)
        return "%s: **%s** (byline %s, goal %s%s)" % (text, "met" if mine <= limit else "not met", unit(mine), unit(limit),
                                                      detail)

    n = 100000
    for label, key in (("list move", "move"), ("tag toggle", "toggle"), ("search keystroke with an index", "search"),
                       ("reader page (PgDn)", "page")):
        out.append(line("%s at 100,000 posts within one 60 Hz frame, with a fresh cache" % label, n,
                        get(n, "cached", key), FRAME_GOAL))
    out.append(line("cached first screen at 100,000 posts under 50 ms", n, get(n, "cached", "start"), FIRST_SCREEN_GOAL))
    out.append(line("following a link at 100,000 posts within one 60 Hz frame (issue 18), with a fresh cache", n,
                    get(n, "follow", "follow"), FRAME_GOAL))
    for size in (10000, 100000):
        floor, mine = get(size, "floor", "start"), get(size, "byline", "start")
        out.append(line("first start without a cache at %s posts within 2x the floor" % f"{size:,}", size, mine,
                        None if floor is None else 2 * floor,
                        "" if floor is None or mine is None else "; %.1fx the floor of %s" % (mine / floor, ms(floor))))
    for size in (10000, 100000):
        for program, old, label in (("byline", "before", "without a cache"), ("cached", "before_cached", "with a fresh cache"),
                                    ("first", "before_first", "first start writing the cache")):
            out.append(line("peak RSS at %s posts no higher than before, %s" % (f"{size:,}", label), size,
                            get(size, program, "rss"), get(size, old, "rss"),
                            "" if before else " (no BYLINE_BEFORE to compare with)", mib))
    return out


def goals(results):
    out = []

    def get(n, program, key):
        value = ((results.get(n) or {}).get(program) or {}).get(key)
        return value[0] if isinstance(value, tuple) else value

    def line(text, n, mine, limit, detail, unit=ms):
        if n not in results:
            return "%s: **not measured** (%s posts not in BENCH_SIZES)" % (text, f"{n:,}")
        if mine is None or limit is None:
            return "%s: **not measured** at %s posts" % (text, f"{n:,}")
        met = mine <= limit
        return "%s: **%s** (byline %s, goal %s%s)" % (text, "met" if met else "not met", unit(mine), unit(limit),
                                                      detail)

    for n in (10000, 100000):
        floor = get(n, "floor", "start")
        mine = get(n, "byline", "start")
        out.append(line("complete first screen at %s posts, at most 2x the floor without a cache" % f"{n:,}", n, mine,
                        None if floor is None else 2 * floor,
                        "" if floor is None or mine is None else "; %.1fx the floor of %s" % (mine / floor, ms(floor))))
    fzf = get(10000, "fzf", "start")
    out.append(line("complete first screen at 10,000 posts, at most 1.5x fzf with a cache", 10000, get(10000, "cached", "start"),
                    None if fzf is None else 1.5 * fzf, "" if fzf is None else "; fzf %s" % ms(fzf)))
    out.append(line("complete first screen at 100,000 posts under 0.15 s with a fresh cache", 100000,
                    get(100000, "cached", "start"), 0.150, ""))
    for program, label in (("cached", "with a fresh cache"), ("byline", "without a cache")):
        out.append(line("list move (selection and preview) at 100,000 posts under 2 ms, %s" % label, 100000,
                        get(100000, program, "move"), 0.002, ""))
        out.append(line("tag toggle at 100,000 posts under 5 ms, every tag's count updated, %s" % label, 100000,
                        get(100000, program, "toggle"), 0.005, ""))
        refine_first, refine = get(100000, program, "refine_first"), get(100000, program, "refine")
        out.append(line("search keystroke at 100,000 posts under 50 ms (title, summary, tags, body), %s" % label,
                        100000, get(100000, program, "search"), 0.050,
                        "" if refine_first is None or refine is None else
                        "; a narrowing letter: first screen of results final after %s, every result after %s" % (
                            ms(refine_first), ms(refine))))
        out.append(line("memory at 100,000 posts under 150 MB, %s" % label, 100000, get(100000, program, "rss"), 150, "", mib))
        out.append(line("memory at 10,000 posts under 40 MB, %s" % label, 10000, get(10000, program, "rss"), 40, "", mib))
    # The one-time first start that writes the cache: held to the same memory goals.
    out.append(line("memory at 100,000 posts under 150 MB, first start writing the cache", 100000, get(100000, "first", "rss"), 150, "", mib))
    out.append(line("memory at 10,000 posts under 40 MB, first start writing the cache", 10000, get(10000, "first", "rss"), 40, "", mib))
    render = render_1m_ratio()
    out.append("`byline show` on a 1 MB post at most 1.0x lowdown: %s" % (
        "not measured here (see the render section)" if render is None else
        "**%s** (%.2fx, from the render section above)" % ("met" if render <= 1.0 else "not met", render)))
    return out


def main():
    byline, before = byline_binary(), before_binary()
    for tool in ("newsboat", "fzf", "w3m", "lowdown"):
        if not shutil.which(tool):
            sys.exit("missing %s: scripts/install-deps.sh --bench" % tool)
    results = {}
    for n in SIZES:
        if over_budget():
            notes.append("%s posts skipped: the budget of %.0f s was spent." % (f"{n:,}", BUDGET))
            continue
        folder = corpus_folder(n)
        work = prepared_peer_inputs(n, folder)
        env = environment(os.path.join(work, "home"))
        found, tag, tag_count = expectations(byline, folder)
        log("%d posts: `%s`, `%s` and `%s` match %d, %d and %d; first tag %s has %d posts" % (
            n, SEARCH_LETTER, SEARCH_LETTER + REFINE_LETTERS[0], SEARCH_LETTER + REFINE_LETTERS, *found, tag, tag_count))
        if before and expectations(before, folder) != (found, tag, tag_count):
            notes.append("at %s posts the before binary's `list --search` or `tags` differ from the after binary's; "
                         "its runs wait for the after binary's counts." % f"{n:,}")
        r = results[n] = {}
        # The floor first: it also warms the page cache for everyone. Then the floor and byline without a
        # cache take turns (with the before binary between them), so that a busy moment on this shared
        # machine falls on all of them, not on one.
        floor_run(folder)
        programs = [("floor", lambda: {"start": floor_run(folder)})]
        if before:
            programs.append(("before", lambda: byline_run(before, folder, n, found, tag_count, env, ["--no-cache"])))
        programs.append(("byline", lambda: byline_run(byline, folder, n, found, tag_count, env, ["--no-cache"])))
        for (name, _), result in zip(programs, repeat_together(n, *programs)):
            r[name] = result
        # One run each: the first start of a blog happens once.
        for name, binary in (("before_first", before), ("first", byline)):
            if binary:
                r[name] = first_start_run(binary, folder, n, env, os.path.join(work, "first-start-cache"))
                log("%-12s %7d  %s" % (name, n, r[name]))
        # Each binary reads a cache its own `byline index` built: their formats may differ, and a cache of
        # another format would be rebuilt by the reader in the middle of the runs.
        cached = []
        for name, binary, folder_name in (("before_cached", before, "cache-before"), ("cached", byline, "cache")):
            if not binary:
                continue
            cache_dir = os.path.join(work, folder_name)
            seconds, megabytes = build_cache(binary, folder, cache_dir, env)
            log("%s index %d posts: %.1f s, %.0f MB" % (binary, n, seconds, megabytes))
            r[name.replace("cached", "index")] = {"seconds": seconds, "megabytes": megabytes}
            cached.append((name, lambda binary=binary, cache_dir=cache_dir: byline_run(
                binary, folder, n, found, tag_count, env, ["--cache-dir", cache_dir])))
        for (name, _), result in zip(cached, repeat_together(n, *cached)):
            r[name] = result
        # Following a link, in sessions of its own (with the fresh cache), so no figure above changes.
        cache_dir = os.path.join(work, "cache")
        if os.path.isdir(cache_dir):
            r["follow"] = repeat("follow", n, lambda: follow_run(byline, folder, n, env, ["--cache-dir", cache_dir]))
        r["fzf"] = repeat("fzf", n, lambda: fzf_run(folder, work, n, env))
        if n <= NEWSBOAT_MAX:
            r["newsboat"] = repeat("newsboat", n, lambda: newsboat_run(work, n, env))
        if n <= W3M_MAX:
            first_title = corpus.post(0)[1]["title"]
            r["w3m"] = repeat("w3m", n, lambda: w3m_run(work, first_title, env))
    elapsed = time.monotonic() - T0
    section = report(results, byline, before, elapsed)
    print(section)
    benchmarks_md.write_section("scale", section)


if __name__ == "__main__":
    main()
