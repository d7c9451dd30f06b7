#!/usr/bin/env python3
"""Live reload benchmark: the CPU byline spends on a watched blog while idle, and on one changed file.

For each size (BENCH_RELOAD_SIZES, "1000,10000,100000" by default) a corpus is written by corpus.py
under .build/bench/reload-N/ (reused), its cache built by `byline index` (in a cache folder of the
run's own), and the reader started on it in tmux (120x40). Once its first screen is settled:

- idle: the process's user+system CPU time (/proc/PID/stat utime+stime, every thread, in clock ticks)
  before and after BENCH_RELOAD_IDLE seconds (5 by default) with nothing changing and no key;
- one changed file: a line appended to one post; CPU time from just before the write until the status
  line says "1 post changed" and the process has been quiet (no CPU) for 0.5 s, so the cache update
  that follows is counted too; and the wall time until the note showed.

Figures, not assertions: printed as a small table. The clock tick is 10 ms: idle figures are that coarse.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import corpus  # beside this file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "byline")
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


def measure(count, binary, idle_seconds):
    folder = os.path.join(ROOT, ".build", "bench", f"reload-{count}")
    if not os.path.isdir(folder) or len(os.listdir(folder)) != count:
        shutil.rmtree(folder, ignore_errors=True)
        corpus.write(count, folder)
    cache = tempfile.mkdtemp(prefix="byline-reload-cache-")
    socket = f"byline-reload-bench-{os.getpid()}-{count}"
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    try:
        subprocess.run([binary, "index", folder], check=True, capture_output=True, env=env)
        subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", "main",
                        "env", f"XDG_CACHE_HOME={cache}", "TERM=tmux-256color", binary, folder], check=True)
        pid = int(tmux(socket, "display-message", "-p", "-t", "main", "#{pane_pid}").strip())
        grouped = f"{count:,}"
        wait_for(lambda: f"{grouped} of {grouped} posts" in status_line(socket), 120, "the first screen")
        wait_quiet(pid, quiet=1.0)
        before = cpu_seconds(pid)
        time.sleep(idle_seconds)
        idle = cpu_seconds(pid) - before

        name = sorted(os.listdir(folder))[count // 2]
        before = cpu_seconds(pid)
        start = time.monotonic()
        with open(os.path.join(folder, name), "a", encoding="utf-8") as post:
            post.write("\nOne more line, written while byline watches.\n")
        wait_for(lambda: "1 post changed" in status_line(socket), 30, "the note")
        shown = time.monotonic() - start
        wait_quiet(pid)
        change = cpu_seconds(pid) - before
        return idle, shown, change
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
        shutil.rmtree(cache, ignore_errors=True)


def main():
    binary = os.environ.get("BYLINE", BINARY)
    sizes = [int(size) for size in os.environ.get("BENCH_RELOAD_SIZES", "1000,10000,100000").split(",")]
    idle_seconds = float(os.environ.get("BENCH_RELOAD_IDLE", "5"))
    print(f"| posts | CPU while idle ({idle_seconds:g} s) | one changed file: shown after | its CPU (scan, store, cache) |")
    print("|---:|---:|---:|---:|")
    for count in sizes:
        idle, shown, change = measure(count, binary, idle_seconds)
        print(f"| {count:,} | {idle * 1000:.0f} ms | {shown * 1000:.0f} ms | {change * 1000:.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
