"""Driving a full-screen program on a pseudo-terminal, for the benchmarks.

spawn() starts a program on a fresh pty of a given size; read_until_quiet() and read_timed() read what
it writes; visible_text() is the text in a stream of output, escape sequences dropped (the repeat
sequence ncurses uses for runs of one character is expanded), which is enough to find a status line
a program drew at once; Screen is a small terminal (enough of xterm for ncurses, fzf, newsboat and
w3m) for reading a row after updates that rewrite only the cells that changed; peak_rss_kib() and
rss_kib() read VmHWM and VmRSS; stop() kills and reaps.
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
import codecs
import unicodedata


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


def read_timed(fd, quiet, deadline, until=None, start=None, screen=None, observe=None):
    """(bytes, seconds to the last byte, seconds to `until`) read from fd.

    Reads until no output came for `quiet` seconds or `deadline` seconds passed since `start`
    (monotonic; now by default). With `until` (a function of the bytes read so far), reading stops as
    soon as it returns true, and the third value is when that happened (None when it never did).
    With `screen` (a Screen), every chunk is fed to it and `until` is given the screen instead; then
    `observe(screen, seconds)`, if given, sees the screen after each chunk, with the chunk's time.
    Times are from `start`, and are when a chunk was read (all that had arrived is read before any is
    parsed); the second value is None when nothing came.
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
        if not ready:
            continue
        # Everything already written is read before any of it is parsed, each chunk with the time it
        # was read: parsing a chunk takes this interpreter milliseconds, and a chunk left waiting
        # meanwhile (the rest of a frame written in two) would be timed by the parser, not the program.
        chunks, ended = [], False
        while ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the program exited
                chunk = b""
            if not chunk:
                ended = True
                break
            chunks.append((chunk, time.monotonic()))
            ready, _, _ = select.select([fd], [], [], 0)
        hit = None
        for chunk, read_at in chunks:  # all of them: what was read must reach the screen
            data += chunk
            last = read_at
            last_byte = last - start
            if screen is not None:
                screen.feed(chunk)
                if observe is not None:
                    observe(screen, last_byte)
            if hit is None and until is not None and until(data if screen is None else screen):
                hit = last_byte
        if hit is not None:
            return bytes(data), last_byte, hit
        if ended:
            return bytes(data), last_byte, None


_SEQUENCE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-~]|\x1b[ -/]*[0-~]")
_REPEAT = re.compile(rb"(.)\x1b\[(\d*)b", re.S)


def visible_text(data):
    """The characters in a stream of terminal output, with escape sequences left out."""
    data = _REPEAT.sub(lambda m: m.group(1) * (1 + int(m.group(2) or 1)), bytes(data))
    return _SEQUENCE.sub(b"", data).decode("utf-8", "replace")


def peak_rss_kib(pid):
    """VmHWM of a live process in KiB, or None."""
    return _status_kib(pid, "VmHWM:")


def rss_kib(pid):
    """VmRSS (resident now) of a live process in KiB, or None."""
    return _status_kib(pid, "VmRSS:")


def _status_kib(pid, field):
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith(field):
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


def _width(char):
    if char in "\u200d\ufe0f\ufe0e" or unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


class Screen:
    """Rows of text as an xterm would show them: cursor moves, erasing, scrolling, wrapping; no colours."""

    def __init__(self, rows=40, cols=120):
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.row = self.col = 0
        self.top, self.bottom = 0, rows - 1
        self.wrap_pending = False
        self.last_char = " "
        self.saved = (0, 0)
        self.pending = b""
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def text(self, row):
        return "".join(self.grid[row]).rstrip()

    def lines(self):
        return [self.text(r) for r in range(self.rows)]

    def contains(self, needle):
        return any(needle in "".join(row) for row in self.grid)

    def feed(self, data):
        data = self.pending + bytes(data)
        self.pending = b""
        i, n = 0, len(data)
        text_start = 0
        while i < n:
            b = data[i]
            if b == 0x1B or b < 0x20 or b == 0x7F:
                if text_start < i:
                    self._print(self.decoder.decode(data[text_start:i]))
                if b == 0x1B:
                    end = self._escape(data, i)
                    if end is None:  # incomplete: keep for the next chunk
                        self.pending = data[i:]
                        return
                    i = end
                else:
                    self._control(b)
                    i += 1
                text_start = i
            else:
                i += 1
        if text_start < n:
            self._print(self.decoder.decode(data[text_start:n]))

    # -- output
    def _print(self, text):
        for char in text:
            w = _width(char)
            if w == 0:
                continue
            if self.wrap_pending or self.col + w > self.cols:
                self.col = 0
                self._index()
                self.wrap_pending = False
            self.grid[self.row][self.col] = char
            if w == 2 and self.col + 1 < self.cols:
                self.grid[self.row][self.col + 1] = ""
            self.last_char = char
            if self.col + w >= self.cols:
                self.col = self.cols - 1
                self.wrap_pending = True
            else:
                self.col += w

    def _control(self, b):
        self.wrap_pending = False if b in (0x0D, 0x0A, 0x08) else self.wrap_pending
        if b == 0x0D:
            self.col = 0
        elif b in (0x0A, 0x0B, 0x0C):
            self._index()
        elif b == 0x08:
            self.col = max(0, self.col - 1)
        elif b == 0x09:
            self.col = min(self.cols - 1, (self.col // 8 + 1) * 8)

    def _index(self):
        if self.row == self.bottom:
            self._scroll_up(1)
        elif self.row < self.rows - 1:
            self.row += 1

    def _scroll_up(self, count):
        for _ in range(count):
            del self.grid[self.top]
            self.grid.insert(self.bottom, [" "] * self.cols)

    def _scroll_down(self, count):
        for _ in range(count):
            del self.grid[self.bottom]
            self.grid.insert(self.top, [" "] * self.cols)

    # -- escape sequences
    def _escape(self, data, i):
        """Index after the sequence at data[i] (applied), or None when it is not complete yet."""
        if i + 1 >= len(data):
            return None
        kind = data[i + 1]
        if kind == ord("["):
            j = i + 2
            while j < len(data) and not (0x40 <= data[j] <= 0x7E):
                j += 1
            if j >= len(data):
                return None
            self._csi(data[i + 2:j].decode("latin-1"), chr(data[j]))
            return j + 1
        if kind == ord("]") or kind == ord("P"):  # OSC / DCS: up to BEL or ST
            j = i + 2
            while j < len(data):
                if data[j] == 0x07:
                    return j + 1
                if data[j] == 0x1B and j + 1 < len(data) and data[j + 1] == ord("\\"):
                    return j + 2
                j += 1
            return None
        if kind in b"()*+#":
            return i + 3 if i + 2 < len(data) else None
        self.wrap_pending = False
        if kind == ord("M"):
            if self.row == self.top:
                self._scroll_down(1)
            elif self.row > 0:
                self.row -= 1
        elif kind == ord("D"):
            self._index()
        elif kind == ord("E"):
            self.col = 0
            self._index()
        elif kind == ord("7"):
            self.saved = (self.row, self.col)
        elif kind == ord("8"):
            self.row, self.col = self.saved
        elif kind == ord("c"):
            self.__init__(self.rows, self.cols)
        return i + 2

    def _csi(self, params, final):
        private = params[:1] in ("?", ">", "=", "<")
        values = [int(p) if p.isdigit() else 0 for p in (params.lstrip("?>=<").split(";") if params else [])]

        def arg(k=0, default=1):
            return values[k] if len(values) > k and values[k] else default

        if private or final in "mhlnpqtsu":
            return
        if final != "b":
            self.wrap_pending = False
        if final == "A":
            self.row = max(self.top if self.row >= self.top else 0, self.row - arg())
        elif final == "B" or final == "e":
            self.row = min(self.bottom if self.row <= self.bottom else self.rows - 1, self.row + arg())
        elif final == "C" or final == "a":
            self.col = min(self.cols - 1, self.col + arg())
        elif final == "D":
            self.col = max(0, self.col - arg())
        elif final == "E":
            self.row, self.col = min(self.rows - 1, self.row + arg()), 0
        elif final == "F":
            self.row, self.col = max(0, self.row - arg()), 0
        elif final == "G" or final == "`":
            self.col = min(self.cols - 1, arg() - 1)
        elif final in "Hf":
            self.row, self.col = min(self.rows - 1, arg(0) - 1), min(self.cols - 1, arg(1) - 1)
        elif final == "d":
            self.row = min(self.rows - 1, arg() - 1)
        elif final == "J":
            mode = arg(0, 0)
            if mode == 0:
                self.grid[self.row][self.col:] = [" "] * (self.cols - self.col)
                for r in range(self.row + 1, self.rows):
                    self.grid[r] = [" "] * self.cols
            elif mode == 1:
                self.grid[self.row][:self.col + 1] = [" "] * (self.col + 1)
                for r in range(self.row):
                    self.grid[r] = [" "] * self.cols
            else:
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "K":
            mode = arg(0, 0)
            line = self.grid[self.row]
            if mode == 0:
                line[self.col:] = [" "] * (self.cols - self.col)
            elif mode == 1:
                line[:self.col + 1] = [" "] * (self.col + 1)
            else:
                self.grid[self.row] = [" "] * self.cols
        elif final == "X":
            count = min(arg(), self.cols - self.col)
            self.grid[self.row][self.col:self.col + count] = [" "] * count
        elif final == "@":
            line = self.grid[self.row]
            count = min(arg(), self.cols - self.col)
            line[self.col:self.col] = [" "] * count
            del line[self.cols:]
        elif final == "P":
            line = self.grid[self.row]
            count = min(arg(), self.cols - self.col)
            del line[self.col:self.col + count]
            line.extend([" "] * count)
        elif final in "LM" and self.top <= self.row <= self.bottom:
            saved_top, self.top = self.top, self.row
            (self._scroll_down if final == "L" else self._scroll_up)(min(arg(), self.bottom - self.row + 1))
            self.top = saved_top
            self.col = 0
        elif final == "S":
            self._scroll_up(arg())
        elif final == "T":
            self._scroll_down(arg())
        elif final == "r":
            self.top, self.bottom = arg(0, 1) - 1, min(self.rows, arg(1, self.rows)) - 1
            self.row = self.col = 0
        elif final == "b":
            self._print(self.last_char * arg())
