"""Driving a full-screen program on a pseudo-terminal, for the benchmarks.

spawn() starts a program on a fresh pty of a given size; read_until_quiet() and read_timed() read what
it writes; visible_text() is the text in a stream of output, escape sequences dropped (the repeat
sequence ncurses uses for runs of one character is expanded), which is enough to find a status line
a program drew at once; peak_rss_kib() reads VmHWM; stop() kills and reaps.
"""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time


def spawn(argv, env, cwd=None, rows=40, cols=120, stdin_path=None):
    """(pid, master fd) of argv started on a new pty of rows x cols; stdin from stdin_path if given."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            if cwd:
                os.chdir(cwd)
            if stdin_path:
                source = os.open(stdin_path, os.O_RDONLY)
                os.dup2(source, 0)
                os.close(source)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until_quiet(fd, quiet, deadline):
    """Bytes read from fd until none came for `quiet` seconds, or `deadline` seconds passed."""
    return read_timed(fd, quiet, deadline)[0]


def read_timed(fd, quiet, deadline, until=None, start=None):
    """(bytes, seconds to the last byte, seconds to `until`) read from fd.

    Reads until no output came for `quiet` seconds or `deadline` seconds passed since `start`
    (monotonic; now by default). With `until` (a function of the bytes read so far), reading stops as
    soon as it returns true, and the third value is when that happened (None when it never did).
    Times are from `start`; the second value is None when nothing came.
    """
    data = bytearray()
    start = time.monotonic() if start is None else start
    last = time.monotonic()
    last_byte = None
    while True:
        now = time.monotonic()
        wait = min(quiet - (now - last), deadline - (now - start)) if until is None else deadline - (now - start)
        if wait <= 0:
            return bytes(data), last_byte, None
        ready, _, _ = select.select([fd], [], [], wait)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the program exited
                return bytes(data), last_byte, None
            if not chunk:
                return bytes(data), last_byte, None
            data += chunk
            last = time.monotonic()
            last_byte = last - start
            if until is not None and until(data):
                return bytes(data), last_byte, last_byte


_SEQUENCE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-~]|\x1b[ -/]*[0-~]")
_REPEAT = re.compile(rb"(.)\x1b\[(\d*)b", re.S)


def visible_text(data):
    """The characters in a stream of terminal output, with escape sequences left out."""
    data = _REPEAT.sub(lambda m: m.group(1) * (1 + int(m.group(2) or 1)), bytes(data))
    return _SEQUENCE.sub(b"", data).decode("utf-8", "replace")


def peak_rss_kib(pid):
    """VmHWM of a live process in KiB, or None."""
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def children(pid):
    """Pids of pid's children."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def stop(pid, fd):
    """Kills the program's process group (a pty child leads its own session) and reaps it."""
    for sig_target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            sig_target()
        except (ProcessLookupError, PermissionError):
            pass
    os.waitpid(pid, 0)
    os.close(fd)
