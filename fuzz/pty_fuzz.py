#!/usr/bin/env python3
"""Keyboard and window fuzzing of the real `byline` reader in a pseudo-terminal of its own.

Starts `byline POSTS` on a fresh pty (no tmux: tmux 3.3a's own server segfaults on resize storms) and,
from a fixed random seed, sends it a bounded number of steps: random keys, escape sequences, bracketed
pastes, mouse reports (SGR and X10), invalid UTF-8, and window sizes from 0x0 up to --max-size (the
kernel signals SIGWINCH on TIOCSWINSZ; the script sends one more). Every --probe-every steps, and at
the end, a probe checks that byline still answers: a resize to an ordinary size must bring a frame
within --deadline seconds. At the end, Esc and `q` must end it with status 0.

Prints one JSON object (and writes it to --report): what the test asserts on. Exit status 0 always,
unless the script itself fails; the caller (KeyboardWindowFuzzTests) decides what is a failure.
  exit: {"status": N} or {"signal": N} or null (still running when given up on)
  hung_probes: probes (step numbers) with no frame within the deadline
  crashed_at_step: the step after which byline was found dead, or null
  peak_rss_kib: highest VmHWM seen
  termios_restored: the pty's modes after exit equal those before it started (ECHO, ICANON, ...)
  rmcup_seen, cnorm_seen: the output after the final `q` leaves the alternate screen and shows the cursor
"""
import argparse
import fcntl
import json
import os
import random
import resource
import select
import signal
import struct
import termios
import time

# Keys that end the reader: never sent at random (`q` quits the list, Ctrl-C quits everywhere).
QUIT_BYTES = {ord("q"), 0x03}
# Tmux-free terminal type with the usual sequences; what an SSH client most often sends.
TERM = "xterm-256color"
# Sequences that give the terminal back (terminfo rmcup and cnorm for xterm-256color).
RMCUP = b"\x1b[?1049l"
CNORM = b"\x1b[?25h"
# What the child may map at most: a runaway allocation fails instead of taking the machine down.
ADDRESS_SPACE_LIMIT = 4 << 30

ARROWS = [b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D", b"\x1bOA", b"\x1bOB", b"\x1b[H", b"\x1b[F", b"\x1b[5~",
          b"\x1b[6~", b"\x1b[2~", b"\x1b[3~", b"\x1b[Z", b"\x1bOP", b"\x1b[15~", b"\x1b[24~", b"\x1b[1;5A", b"\x1b[1;2B"]
KEYS = [b"j", b"k", b"g", b"G", b"\t", b"\r", b"\x1b", b"/", b"?", b"t", b" ", b"x", b"m", b"s", b"c", b"n", b"N",
        b"]", b"[", b"\x7f", b"\x08", b"\x0c", b"\x04", b"\x15", b"\x06", b"\x02", b"\x0e", b"\x10", b"h", b"l", b"o"]
TEXT = ["go", "worker", "日本語", "🎉", "e\u0301\u0301", "\u200d", "\u202e", "a" * 300, "\u0301" * 200, "\t\n", " "]


def without_quit(data):
    return bytes(b for b in data if b not in QUIT_BYTES)


def random_bytes(rng, count, low=0, high=255):
    return without_quit(bytes(rng.randint(low, high) for _ in range(count)))


def random_step(rng):
    """One step: ("keys", bytes) or ("resize", cols, rows) or ("storm", [(cols, rows), ...])."""
    kind = rng.choices(["key", "arrow", "text", "escape", "paste", "mouse", "utf8", "resize", "storm"],
                       [30, 12, 10, 10, 6, 8, 6, 12, 3])[0]
    if kind == "key":
        return ("keys", b"".join(rng.choice(KEYS) for _ in range(rng.randint(1, 4))))
    if kind == "arrow":
        return ("keys", b"".join(rng.choice(ARROWS) for _ in range(rng.randint(1, 6))))
    if kind == "text":
        return ("keys", without_quit(rng.choice(TEXT).encode("utf-8")))
    if kind == "escape":
        shapes = [
            lambda: b"\x1b[" + ";".join(str(rng.randint(0, 99999)) for _ in range(rng.randint(0, 6))).encode() + bytes([rng.randint(0x40, 0x7E)]),
            lambda: b"\x1b]" + random_bytes(rng, rng.randint(0, 40), 0x20, 0x7E) + rng.choice([b"\x07", b"\x1b\\", b""]),
            lambda: b"\x1bP" + random_bytes(rng, rng.randint(0, 40), 0x20, 0x7E) + b"\x1b\\",
            lambda: b"\x1b[" + random_bytes(rng, rng.randint(0, 12), 0x20, 0x3F),
            lambda: b"\x1b" + random_bytes(rng, 1, 0x20, 0x7E),
            lambda: b"\x1bO" + random_bytes(rng, 1, 0x20, 0x7E),
            lambda: b"\x9b" + random_bytes(rng, rng.randint(0, 6), 0x30, 0x3F) + b"m",
        ]
        return ("keys", without_quit(rng.choice(shapes)()))
    if kind == "paste":
        body = "".join(rng.choice(TEXT) for _ in range(rng.randint(1, 30))).encode("utf-8")
        body += random_bytes(rng, rng.randint(0, 64))
        return ("keys", b"\x1b[200~" + without_quit(body) + b"\x1b[201~")
    if kind == "mouse":
        if rng.random() < 0.5:  # SGR: ESC [ < button ; x ; y M/m
            fields = [rng.choice([0, 1, 2, 3, 32, 35, 64, 65, rng.randint(0, 99999)]) for _ in range(3)]
            data = b"\x1b[<" + ";".join(map(str, fields)).encode() + rng.choice([b"M", b"m"])
        else:  # X10: ESC [ M and three raw bytes (32 + value, anything up to 255)
            data = b"\x1b[M" + random_bytes(rng, 3, 32, 255)
        return ("keys", without_quit(data))
    if kind == "utf8":
        return ("keys", random_bytes(rng, rng.randint(1, 16), 0x80, 0xFF))
    if kind == "resize":
        return ("resize",) + random_size(rng)
    return ("storm", [random_size(rng) for _ in range(rng.randint(5, 40))])


def random_size(rng):
    band = rng.choices(["tiny", "normal", "large", "wide", "tall", "huge"], [3, 5, 2, 1, 1, 2])[0]
    if band == "wide":  # past 32767 columns: ncurses' short coordinates (a SIGSEGV in doupdate before)
        return rng.randint(32767, 65535), rng.randint(1, 40)
    if band == "tall":
        return rng.randint(1, 80), rng.randint(32767, 65535)
    if band == "tiny":
        return rng.randint(0, 4), rng.randint(0, 4)
    if band == "normal":
        return rng.randint(10, 300), rng.randint(3, 100)
    if band == "large":
        return rng.randint(300, 1200), rng.randint(100, 600)
    return rng.randint(0, 65535), rng.randint(0, 65535)


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def peak_rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class Child:
    """byline on a pty: the master end for us, the slave as its controlling terminal."""

    def __init__(self, argv, env, cols, rows):
        self.master, self.slave = os.openpty()
        set_size(self.master, cols, rows)
        self.modes_before = termios.tcgetattr(self.slave)
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(self.master)
                resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
                os.login_tty(self.slave)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.set_blocking(self.master, False)
        self.output = bytearray()
        self.status = None

    def read(self, quiet, deadline):
        """Reads until nothing came for `quiet` s or `deadline` s passed; returns the bytes read."""
        start = time.monotonic()
        last = start
        got = bytearray()
        while True:
            now = time.monotonic()
            wait = min(quiet - (now - last), deadline - (now - start))
            if wait <= 0:
                break
            ready, _, _ = select.select([self.master], [], [], wait)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 1 << 16)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                break
            if not chunk:
                break
            got += chunk
            last = time.monotonic()
        self.output += got
        return bytes(got)

    def send(self, data):
        """Writes all of data, reading meanwhile so that neither side blocks on a full pty."""
        view = memoryview(data)
        deadline = time.monotonic() + 10
        while view and time.monotonic() < deadline:
            _, writable, _ = select.select([], [self.master], [], 0.05)
            if writable:
                try:
                    view = view[os.write(self.master, view[:4096]):]
                except (BlockingIOError, InterruptedError):
                    pass
            self.read(0, 0.001)
        return not view

    def resize(self, cols, rows):
        set_size(self.master, cols, rows)
        try:
            os.kill(self.pid, signal.SIGWINCH)
        except ProcessLookupError:
            pass

    def poll(self):
        """The exit as {"status": N} or {"signal": N} once the child has ended, else None."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = ({"signal": os.WTERMSIG(status)} if os.WIFSIGNALED(status)
                               else {"status": os.WEXITSTATUS(status)})
        return self.status

    def kill(self):
        if self.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--byline", required=True)
    parser.add_argument("--posts", required=True)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--max-size", default="65535x65535", help="COLSxROWS: sizes above are clamped to it")
    parser.add_argument("--probe-every", type=int, default=25)
    parser.add_argument("--deadline", type=float, default=5.0, help="seconds a probe or the final q may take")
    parser.add_argument("--cache-home", default=None)
    parser.add_argument("--report", default=None)
    args = parser.parse_args()
    max_cols, max_rows = (int(n) for n in args.max_size.split("x"))

    env = {"PATH": "/usr/bin:/bin", "TERM": TERM, "LANG": "C.UTF-8", "HOME": os.environ.get("HOME", "/tmp")}
    if args.cache_home:
        env["XDG_CACHE_HOME"] = args.cache_home
        # The reading state too, in a folder of its own there: never the runner's ~/.local/state.
        env["XDG_STATE_HOME"] = os.path.join(args.cache_home, "state")
    rng = random.Random(args.seed)
    started = time.monotonic()
    child = Child([args.byline, args.posts], env, 120, 40)
    report = {"seed": args.seed, "steps": args.steps, "max_size": args.max_size, "hung_probes": [],
              "crashed_at_step": None, "peak_rss_kib": None, "sizes_sent": 0, "bytes_sent": 0}
    peak = 0

    def sample():
        nonlocal peak
        peak = max(peak, peak_rss_kib(child.pid) or 0)

    def probe(step, cols=None, rows=None):
        """Resizes to an ordinary size (a new one each time) and waits for a frame."""
        cols = cols or 80 + step % 40
        rows = rows or 24 + step % 10
        child.resize(cols, rows)
        begun = time.monotonic()
        got = bytearray()
        while time.monotonic() - begun < args.deadline and child.poll() is None:
            got += child.read(0.15, args.deadline - (time.monotonic() - begun))
            if got:
                break
        sample()
        if not got and child.poll() is None:
            report["hung_probes"].append(step)

    try:
        first = child.read(1.0, 10.0)
        report["first_frame_bytes"] = len(first)
        for step in range(1, args.steps + 1):
            action = random_step(rng)
            if action[0] == "keys":
                child.send(action[1])
                report["bytes_sent"] += len(action[1])
            elif action[0] == "resize":
                child.resize(min(action[1], max_cols), min(action[2], max_rows))
                report["sizes_sent"] += 1
            else:
                for cols, rows in action[1]:
                    child.resize(min(cols, max_cols), min(rows, max_rows))
                report["sizes_sent"] += len(action[1])
            child.read(0.02, 0.2)
            sample()
            if child.poll() is not None:
                report["crashed_at_step"] = step
                report["crash_step"] = repr(action)[:300]
                break
            if step % args.probe_every == 0:
                probe(step)
        if child.poll() is None:
            probe(args.steps + 1, 120, 40)
            # Leave: Esc out of any prompt, overlay or post, then q until the list quits.
            mark = len(child.output)
            quit_begun = time.monotonic()
            for _ in range(6):
                child.send(b"\x1b")
                child.read(0.1, 0.5)
                child.send(b"q")
                until = time.monotonic() + args.deadline / 2
                while child.poll() is None and time.monotonic() < until:
                    child.read(0.05, 0.1)
                if child.poll() is not None:
                    break
            report["quit_seconds"] = round(time.monotonic() - quit_begun, 3)
            child.read(0.05, 0.3)
            tail = bytes(child.output[mark:])
            report["rmcup_seen"] = RMCUP in tail
            report["cnorm_seen"] = CNORM in tail
    finally:
        report["exit"] = child.poll()
        if report["exit"] is not None:
            modes_after = termios.tcgetattr(child.slave)
            report["termios_restored"] = modes_after == child.modes_before
            before_l, after_l = child.modes_before[3], modes_after[3]
            report["echo_icanon_after"] = [bool(after_l & termios.ECHO), bool(after_l & termios.ICANON)]
            report["echo_icanon_before"] = [bool(before_l & termios.ECHO), bool(before_l & termios.ICANON)]
        child.kill()
        report["peak_rss_kib"] = peak
        report["seconds"] = round(time.monotonic() - started, 2)
        report["output_bytes"] = len(child.output)
        text = json.dumps(report, sort_keys=True)
        if args.report:
            with open(args.report, "w") as out:
                out.write(text + "\n")
        print(text)


if __name__ == "__main__":
    main()
