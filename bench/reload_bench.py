#!/usr/bin/env python3
"""Live reload benchmark: the CPU byline spends on a watched blog while idle, and on one changed file.

For each size (BENCH_RELOAD_SIZES, "1000,10000,100000" by default) a corpus of corpus.py's posts is
kept under .build/bench/reload-N/ (copied from the scale section's corpus-N when there is one, else
written; reused, and changed only by the lines these runs append). For each binary (with BYLINE_BEFORE,
the before binary and this tree's, in turn) a cache is built by `byline index` (in a cache folder of the
run's own: the two binaries' caches may differ in format), and the reader started on it in tmux
(120x40). Once its first screen is settled:

- idle: the process's user+system CPU time (/proc/PID/stat utime+stime, every thread, in clock ticks)
  before and after BENCH_RELOAD_IDLE seconds (5 by default) with nothing changing and no key;
- one changed file, BENCH_RELOAD_RUNS times (5 by default), each a line appended to another post: CPU
  time from just before the write until the status line says "1 post changed" and the process has
  been quiet (no CPU) for 0.5 s, so the cache update that follows is counted too; and the wall time
  until the note showed. A key with no binding (F12) clears the note between runs. The first change
  of a session is reported apart (it may set up what the later ones reuse); the others as medians.
- quitting: the wall time from `q` until the process is gone (what a session leaves for its end: the
  cache's snapshot, after a live reload).

Figures, not assertions: printed, and written to BENCHMARKS.md between the reload markers. The clock
tick is 10 ms: idle figures are that coarse.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import benchmarks_md  # beside this file
import corpus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench")
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15)


def tmux(socket, *arguments):
    return subprocess.run(["tmux", "-L", socket, *arguments], check=True, capture_output=True, text=True).stdout


def status_line(socket):
    rows = [row for row in tmux(socket, "capture-pane", "-p", "-t", "main").split("\n") if row.strip()]
    return rows[-1] if rows else ""


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.005)
    sys.exit(f"reload_bench: timed out waiting for {what}")


def wait_quiet(pid, quiet=0.5, seconds=120):
    """Until the process spends no CPU for `quiet` seconds."""
    deadline = time.monotonic() + seconds
    last = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = cpu_seconds(pid)
        if now == last:
            return
        last = now


def corpus_folder(count):
    """.build/bench/reload-N: a copy of the scale section's corpus-N when there is one, else written."""
    folder = os.path.join(WORK, f"reload-{count}")
    if os.path.isdir(folder) and len(os.listdir(folder)) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    source = os.environ.get("BENCH_RELOAD_CORPORA", WORK)
    scale = os.path.join(source, f"corpus-{count}")
    if os.path.isdir(scale) and len(os.listdir(scale)) == count:
        shutil.copytree(scale, folder)
    else:
        corpus.write(count, folder)
    return folder


def measure(count, binary, idle_seconds, runs):
    folder = corpus_folder(count)
    cache = tempfile.mkdtemp(prefix="byline-reload-cache-")
    socket = f"byline-reload-bench-{os.getpid()}-{count}"
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    names = sorted(os.listdir(folder))
    try:
        subprocess.run([binary, "index", folder], check=True, capture_output=True, env=env)
        subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", "main",
                        "env", f"XDG_CACHE_HOME={cache}", "XDG_STATE_HOME=" + os.path.join(cache, "state"),
                        "TERM=tmux-256color", binary, folder], check=True)
        tmux(socket, "set-option", "-t", "main", "remain-on-exit", "on")
        pid = int(tmux(socket, "display-message", "-p", "-t", "main", "#{pane_pid}").strip())
        grouped = f"{count:,}"
        wait_for(lambda: f"{grouped} of {grouped} posts" in status_line(socket), 120, "the first screen")
        wait_quiet(pid, quiet=1.0)
        before = cpu_seconds(pid)
        time.sleep(idle_seconds)
        idle = cpu_seconds(pid) - before

        changes = []
        for run in range(runs):
            if run > 0:
                tmux(socket, "send-keys", "-t", "main", "F12")
                wait_for(lambda: "post changed" not in status_line(socket), 10, "the note to clear")
                wait_quiet(pid)
            name = names[(count // 2 + run * 7919) % count]
            before = cpu_seconds(pid)
            start = time.monotonic()
            with open(os.path.join(folder, name), "a", encoding="utf-8") as post:
                post.write("\nOne more line, written while byline watches.\n")
            wait_for(lambda: "1 post changed" in status_line(socket), 30, "the note")
            shown = time.monotonic() - start
            wait_quiet(pid)
            changes.append((shown, cpu_seconds(pid) - before))

        start = time.monotonic()
        tmux(socket, "send-keys", "-t", "main", "q")
        wait_for(lambda: tmux(socket, "display-message", "-p", "-t", "main", "#{pane_dead}").strip() == "1", 120, "the end")
        quit_seconds = time.monotonic() - start
        later = changes[1:] or changes
        return {
            "idle": idle,
            "first_shown": changes[0][0], "first_cpu": changes[0][1],
            "shown": statistics.median(c[0] for c in later), "cpu": statistics.median(c[1] for c in later),
            "quit": quit_seconds,
        }
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
        shutil.rmtree(cache, ignore_errors=True)


def described(binary):
    """The binary, with the commit bench/build_before.sh recorded beside it when there is one."""
    commit = os.path.join(os.path.dirname(binary), "commit")
    if os.path.exists(commit):
        return f"commit {open(commit).read().strip()[:7]} (`make bench BENCH_BEFORE=...`)"
    return os.path.relpath(binary, ROOT)


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms"


def main():
    after = os.path.abspath(os.environ.get("BYLINE") or os.path.join(ROOT, ".build", "release", "byline"))
    if not os.access(after, os.X_OK):
        sys.exit(f"reload_bench: build first (no {after})")
    before = os.environ.get("BYLINE_BEFORE") or None
    binaries = [("before", os.path.abspath(before)), ("after", after)] if before else [("byline", after)]
    sizes = [int(size.replace("_", "")) for size in os.environ.get("BENCH_RELOAD_SIZES", "1000,10000,100000").split(",")]
    idle_seconds = float(os.environ.get("BENCH_RELOAD_IDLE", "5"))
    runs = max(2, int(os.environ.get("BENCH_RELOAD_RUNS", "5")))
    rows = []
    header = (f"| posts | binary | CPU while idle ({idle_seconds:g} s) | first change: shown after | its CPU "
              f"| next {runs - 1} changes (median): shown after | their CPU | quit |")
    print(header)
    print("|---:|---|---:|---:|---:|---:|---:|---:|", flush=True)
    for count in sizes:
        for label, binary in binaries:
            m = measure(count, binary, idle_seconds, runs)
            row = (f"| {count:,} | {label} | {ms(m['idle'])} | {ms(m['first_shown'])} | {ms(m['first_cpu'])} "
                   f"| {ms(m['shown'])} | {ms(m['cpu'])} | {ms(m['quit'])} |")
            rows.append(row)
            print(row, flush=True)
    section = "\n".join([
        "<!-- reload:start -->",
        "## Live reload",
        "",
        "bench/reload_bench.py: a blog of N posts (corpus.py's) watched by the reader in tmux (120x40), through",
        "a cache `byline index` built. CPU is the process's user+system time (10 ms ticks). A change is a line",
        "appended to one post; its CPU runs from the write until the process has been quiet for 0.5 s (the",
        "cache's update included); \"shown after\" is the wall time until the status line says `1 post changed`.",
        "Quit: from `q` to the process's end (a live reload leaves the cache's snapshot to be written then).",
        "Issue 19's goal: no CPU while idle, and under 50 ms of work for one changed file at 100,000 posts.",
        *([f"Before: {described(binaries[0][1])}."] if before else []),
        "",
        header,
        "|---:|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "<!-- reload:end -->",
    ])
    benchmarks_md.write_section("reload", section)


if __name__ == "__main__":
    main()
