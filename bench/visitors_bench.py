#!/usr/bin/env python3
"""Visitors benchmark (issue 20): what each visitor of a large blog costs, locally and through sshd.

Both binaries side by side in one run: BYLINE_BEFORE (the before binary; `make bench BENCH_BEFORE=<ref>`
builds one) and this tree's release build (BYLINE, else .build/release/byline), their runs taken in
turn, each reading a cache its own `byline index` built into a fresh folder (the formats may differ).
Without BYLINE_BEFORE only this tree's binary is measured. Corpora are bench/corpus.py's, under
.build/bench/corpus-N (reused while corpus.py is unchanged; BENCH_CORPUS_DIR names another folder
holding corpus-N and corpus-N.stamp, read and never written).

1. Memory per reader, at each size of BENCH_VISITOR_SIZES (10,000 and 100,000 posts): readers started
   one after another, up to BENCH_VISITOR_READERS (50), each on its own 120x40 pty running
   `byline read --restricted BLOG --cache-dir DIR` (as sshd's ForceCommand runs it for a visitor), each
   moving down the list (`j`) and opening a post (Enter) before the next starts. After 1, 10, 25 and 50
   readers, once their CPU time has stopped growing, the sum of their PSS (/proc/PID/smaps_rollup,
   which splits shared pages between the processes mapping them). The marginal memory per additional
   reader is (PSS(50) - PSS(1)) / 49, held against issue 20's goal of at most 5 MB.
2. Through sshd, at BENCH_SSH_SIZE (100,000) posts: a loopback sshd of the bench's own (a port from the
   kernel, a host key made in a temp folder, the account `byline-bench`, key authentication, a `Match`
   block whose `ForceCommand` runs `byline --restricted --cache-dir DIR BLOG` as docs/ssh.md shows,
   `MaxStartups` raised so the waves get in). Sessions are ssh clients on 120x40 ptys, started in waves
   of BENCH_SSH_WAVE (25), each waiting for its first screen (the status line counting every post).
   At each level of BENCH_SSH_LEVELS (1, 50, 200 sessions held at once): the latency of one `j` per
   session, one session at a time, from the key's write to the frame's last byte (the last byte before
   output is quiet for 150 ms, as bench/scale_bench.py times keys), median and 99th percentile over the
   sessions; the sum of PSS of the byline and sshd processes (and of the ssh clients, apart); the drop
   in the machine's MemAvailable since sshd started; how many sessions were held. Needs root (sshd
   switches to the account) and OpenSSH; otherwise the part is skipped and the report says why.

The machine is guarded: no reader or session is started while MemAvailable, less what the next ones are
expected to take (the most one took so far, for sessions also the fall of MemAvailable per session,
with a 25% margin), would fall under BENCH_VISITOR_MIN_AVAILABLE_MB (3072); if it falls under that
while they start, the ones still starting are stopped (and sessions, the newest first, until it is
back over), and no more are added. The report then says how many were held. Medians over
BENCH_VISITOR_RUNS runs (1) of each memory series (before, after, before, after...); a time budget
(BENCH_VISITOR_BUDGET seconds, 5400) skips what is left once spent, and the report says so. MB here
is 2^20 bytes.

Results go into BENCHMARKS.md between the visitors markers. A quick run:
`BENCH_VISITOR_SIZES=10000 BENCH_VISITOR_READERS=10 BENCH_SSH_SIZE=10000 BENCH_SSH_LEVELS=1,10 python3 bench/visitors_bench.py`.
"""
import hashlib
import math
import os
import platform
import pwd
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import benchmarks_md  # beside this file
import corpus
import pty_driver


def _numbers(name, default):
    return [int(s.replace("_", "")) for s in os.environ.get(name, default).split(",") if s.strip()]


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench")
CORPUS_DIR = os.environ.get("BENCH_CORPUS_DIR") or None
SIZES = _numbers("BENCH_VISITOR_SIZES", "10000,100000")
READERS = int(os.environ.get("BENCH_VISITOR_READERS", "50"))
CHECKPOINTS = sorted({c for c in (1, 10, 25, 50) if c < READERS} | {READERS})
RUNS = int(os.environ.get("BENCH_VISITOR_RUNS", "1"))
SSH_SIZE = int(os.environ.get("BENCH_SSH_SIZE", "100000").replace("_", ""))
SSH_LEVELS = sorted(_numbers("BENCH_SSH_LEVELS", "1,50,200"))
SSH_WAVE = int(os.environ.get("BENCH_SSH_WAVE", "25"))
MIN_AVAILABLE_MB = float(os.environ.get("BENCH_VISITOR_MIN_AVAILABLE_MB", "3072"))
BUDGET = float(os.environ.get("BENCH_VISITOR_BUDGET", "5400"))
BEFORE = os.environ.get("BYLINE_BEFORE") or None
SSH_USER = "byline-bench"
ROWS, COLS = 40, 120
KEY_QUIET, SETTLE_QUIET = 0.15, 0.3
START_DEADLINE, KEY_DEADLINE, WAVE_DEADLINE, CPU_QUIET_DEADLINE = 300.0, 10.0, 900.0, 180.0
# Issue 20's goals: at most 5 MB more for each additional reader (50 at once, each having moved and
# opened a post) at 10,000 and at 100,000 posts; 200 concurrent sessions through sshd held.
MARGINAL_GOAL_MB, SESSIONS_GOAL, SESSIONS_GOAL_SIZE = 5.0, 200, 100000
ENTER = b"\r"
# What the next reader or session may take is guessed from those before it, times this margin.
MARGIN = 1.25

T0 = time.monotonic()
notes = []


def log(text):
    print("[%6.1fs] %s" % (time.monotonic() - T0, text), flush=True)


def over_budget():
    return time.monotonic() - T0 > BUDGET


# --- inputs -------------------------------------------------------------------------------------------

def binaries():
    """[(label, path)]: the before binary first when there is one, then this tree's."""
    after = None
    for path in (os.environ.get("BYLINE"), os.path.join(ROOT, ".build", "release", "byline")):
        if path and os.path.exists(path):
            after = os.path.abspath(path)
            break
    if after is None:
        sys.exit("build first: swift build -c release")
    if BEFORE and not os.access(BEFORE, os.X_OK):
        sys.exit("BYLINE_BEFORE=%s is not an executable" % BEFORE)
    return ([("before", os.path.abspath(BEFORE))] if BEFORE else []) + [("after", after)]


def corpus_folder(n):
    """corpus-N, written by corpus.py unless a stamp says this corpus.py already wrote it. With
    BENCH_CORPUS_DIR, the folder there is used as it is when its stamp matches, and never written."""
    digest = hashlib.sha256(open(corpus.__file__, "rb").read()).hexdigest() + " %d\n" % n
    if CORPUS_DIR:
        folder = os.path.join(os.path.abspath(CORPUS_DIR), "corpus-%d" % n)
        stamp = folder + ".stamp"
        if not (os.path.exists(stamp) and open(stamp).read() == digest and os.path.isdir(folder)):
            sys.exit("%s is not corpus.py's corpus of %d posts (its stamp differs or is missing)" % (folder, n))
        return folder
    folder = os.path.join(WORK, "corpus-%d" % n)
    stamp = folder + ".stamp"
    if os.path.exists(stamp) and open(stamp).read() == digest and os.path.isdir(folder):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.monotonic()
    subprocess.run([sys.executable, corpus.__file__, str(n), folder], check=True)
    log("corpus of %d posts written in %.1f s" % (n, time.monotonic() - started))
    with open(stamp, "w") as out:
        out.write(digest)
    return folder


def folder_megabytes(folder):
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.is_file()) / 2 ** 20


def build_cache(binary, blog, cache_dir, env):
    """`byline index` into a fresh cache folder, left readable by every account (sshd's sessions run
    as another one): (seconds, megabytes on disk)."""
    shutil.rmtree(cache_dir, ignore_errors=True)
    os.makedirs(os.path.dirname(cache_dir), exist_ok=True)
    os.chmod(os.path.dirname(cache_dir), 0o755)
    started = time.monotonic()
    subprocess.run([binary, "index", blog, "--cache-dir", cache_dir], env=env, check=True,
                   stdout=subprocess.DEVNULL, timeout=3600)
    seconds = time.monotonic() - started
    os.chmod(cache_dir, 0o755)
    for name in os.listdir(cache_dir):
        os.chmod(os.path.join(cache_dir, name), 0o644)
    # On disk before anything is measured: the kernel writing hundreds of megabytes back meanwhile
    # would slow what runs next.
    os.sync()
    return seconds, folder_megabytes(cache_dir)


def environment(home):
    env = {k: v for k, v in os.environ.items()
           if k not in ("COLUMNS", "LINES", "LC_ALL", "NO_COLOR", "TMUX") and not k.startswith("BYLINE")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", HOME=home)
    return env


# --- the machine and its processes -----------------------------------------------------------------------

def meminfo_mb(field):
    with open("/proc/meminfo") as info:
        for line in info:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return None


def available_mb():
    return meminfo_mb("MemAvailable")


def low_memory():
    return available_mb() < MIN_AVAILABLE_MB


def pss_mb(pid):
    """PSS of a live process (smaps_rollup), or 0 when it is gone."""
    try:
        with open("/proc/%d/smaps_rollup" % pid) as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def rss_mb(pid):
    kib = pty_driver.rss_kib(pid)
    return 0.0 if kib is None else kib / 1024.0


def process_table():
    """{pid: (parent, name, state, CPU ticks)} of every process now."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        close = stat.rindex(")")
        fields = stat[close + 2:].split()
        table[int(name)] = (int(fields[1]), stat[stat.index("(") + 1:close], fields[0], int(fields[11]) + int(fields[12]))
    return table


def descendants(root, table=None):
    """Pids of root's live descendants (zombies left out), from a process table."""
    table = process_table() if table is None else table
    children = {}
    for pid, (parent, _, _, _) in table.items():
        children.setdefault(parent, []).append(pid)
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if table[child][2] != "Z":
                out.append(child)
            todo.append(child)
    return out


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total


# --- sessions on ptys ----------------------------------------------------------------------------------

class Session:
    """One program on a 120x40 pty and its screen: a local reader, or an ssh client."""

    def __init__(self, argv, env):
        self.screen = pty_driver.Screen(ROWS, COLS)
        self.pid, self.fd = pty_driver.spawn(argv, env, rows=ROWS, cols=COLS)
        self.started = time.monotonic()
        self.shown = None  # seconds from the spawn to the first complete screen
        self.ended = False
        self.closed = False

    def read_available(self):
        """Feeds whatever the program wrote so far to the screen, without waiting."""
        while not self.ended:
            ready, _, _ = select.select([self.fd], [], [], 0)
            if not ready:
                return
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                self.ended = True
                return
            self.screen.feed(chunk)

    def settle(self, quiet=SETTLE_QUIET, deadline=KEY_DEADLINE):
        pty_driver.read_timed(self.fd, quiet, deadline, screen=self.screen)

    def key(self, data):
        """Writes data (uncounted) and waits until output is quiet."""
        os.write(self.fd, data)
        self.settle()

    def timed_key(self, data):
        """(seconds from the write to the last byte before output was quiet for 150 ms, bytes)."""
        self.read_available()
        start = time.monotonic()
        os.write(self.fd, data)
        received, last, _ = pty_driver.read_timed(self.fd, KEY_QUIET, KEY_DEADLINE, start=start, screen=self.screen)
        return last, len(received)

    def close(self):
        if not self.closed:
            self.closed = True
            pty_driver.stop(self.pid, self.fd)


def all_counted(n):
    """The status line counts every post: `N of N posts`, grouped as byline writes counts since issue 18
    (`100,000`) or plain as an older build did."""
    texts = [" %s of %s posts" % (format(n, ","), format(n, ",")), " %d of %d posts" % (n, n)]
    return lambda session: any(text in session.screen.text(ROWS - 1) for text in texts)


def wait_all(sessions, condition, deadline, guard=None):
    """Reads every session's output until condition(session) holds for each, `deadline` seconds pass,
    or guard() turns true (checked twice a second). Sets `shown` on those that got there; returns
    "guard" when the guard stopped it, else None."""
    end = time.monotonic() + deadline
    pending = []
    for s in sessions:
        if condition(s):
            s.shown = s.shown or time.monotonic() - s.started
        else:
            pending.append(s)
    next_guard = 0.0
    while pending and time.monotonic() < end:
        now = time.monotonic()
        if guard is not None and now >= next_guard:
            if guard():
                return "guard"
            next_guard = now + 0.5
        by_fd = {s.fd: s for s in pending}
        ready, _, _ = select.select(list(by_fd), [], [], 0.5)
        for fd in ready:
            by_fd[fd].read_available()
        still = []
        for s in pending:
            if condition(s):
                s.shown = time.monotonic() - s.started
            elif not s.ended:
                still.append(s)
        pending = still
    return None


def drain(sessions):
    for s in sessions:
        s.read_available()


def cpu_quiet(pids_now, sessions, deadline=CPU_QUIET_DEADLINE):
    """Waits (reading every session's output) until the CPU time of the processes pids_now() lists has
    not grown for a second (a tick per 20 processes allowed: idle readers wake now and then); True
    when it came to that before the deadline."""
    end = time.monotonic() + deadline
    pids = pids_now()
    before = cpu_ticks(pids)
    while time.monotonic() < end:
        stop = time.monotonic() + 1.0
        while time.monotonic() < stop:
            drain(sessions)
            time.sleep(0.1)
        pids = pids_now()
        now = cpu_ticks(pids)
        if now - before <= max(1, len(pids) // 20):
            return True
        before = now
    return False


def percentile(values, fraction):
    """Nearest rank: the smallest value with at least `fraction` of the values at or under it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


# --- 1. memory per reader --------------------------------------------------------------------------------

def reader_series(binary, blog, cache_dir, n, env):
    """Readers started one after another up to READERS; PSS of all of them at each checkpoint."""
    result = {"pss": {}, "available": {}, "held": 0, "stopped": None}
    readers, estimate = [], 0.0
    shown = all_counted(n)
    try:
        for count in range(1, READERS + 1):
            available = available_mb()
            if available - estimate < MIN_AVAILABLE_MB:
                result["stopped"] = ("reader %d not started: MemAvailable %.0f MB, less %.0f MB for the next reader "
                                     "(the most one took, and a margin), is under %.0f MB" % (count, available, estimate, MIN_AVAILABLE_MB))
                break
            reader = Session([binary, "read", "--restricted", blog, "--cache-dir", cache_dir], env)
            readers.append(reader)
            if wait_all([reader], shown, START_DEADLINE, guard=low_memory) == "guard" or reader.shown is None:
                result["stopped"] = ("reader %d stopped: %s" % (count, "MemAvailable fell under %.0f MB while it started"
                                     % MIN_AVAILABLE_MB if low_memory() else "no complete first screen within %.0f s"
                                     % START_DEADLINE))
                readers.pop().close()
                break
            reader.settle()
            reader.key(b"j")
            reader.key(ENTER)
            if shown(reader):  # the list's status line still: no post opened
                result["unopened"] = result.get("unopened", 0) + 1
            estimate = max(estimate, MARGIN * rss_mb(reader.pid))
            result["held"] = count
            if count in CHECKPOINTS:
                measure_readers(result, readers, count)
        if result["held"] and result["held"] not in result["pss"]:
            measure_readers(result, readers, result["held"])
    finally:
        for reader in readers:
            reader.close()
    return result


def measure_readers(result, readers, count):
    pids = [r.pid for r in readers]
    if not cpu_quiet(lambda: pids, readers):
        notes.append("%d readers had not stopped using CPU after %.0f s; measured anyway" % (count, CPU_QUIET_DEADLINE))
    result["pss"][count] = sum(pss_mb(pid) for pid in pids)
    result["available"][count] = available_mb()
    log("  %3d readers: PSS %.1f MB (%.1f MB each), MemAvailable %.0f MB" % (
        count, result["pss"][count], result["pss"][count] / count, result["available"][count]))


def marginal(result):
    """(PSS(last) - PSS(1)) / (last - 1), with `last` the most readers measured; None under 2."""
    pss = result["pss"]
    last = max(pss) if pss else 0
    if last < 2 or 1 not in pss:
        return None
    return (pss[last] - pss[1]) / (last - 1)


# --- 2. through sshd -------------------------------------------------------------------------------------

def ensure_account():
    """The account sessions log in as: a real shell (sshd runs ForceCommand through it), no home, and
    the password field `*` (no password, but not locked: sshd with `UsePAM no` refuses locked ones)."""
    try:
        pwd.getpwnam(SSH_USER)
    except KeyError:
        subprocess.run(["useradd", "-M", "-s", "/bin/sh", "-d", "/nonexistent", SSH_USER], check=True)
    if pwd.getpwnam(SSH_USER).pw_shell != "/bin/sh":
        subprocess.run(["usermod", "-s", "/bin/sh", SSH_USER], check=True)
    subprocess.run(["usermod", "-p", "*", SSH_USER], check=True)
    return pwd.getpwnam(SSH_USER)


def reachable(account, *paths):
    """Whether the account can read every path (and list it, for a folder)."""
    for path in paths:
        test = ["test", "-r", path] + (["-a", "-x", path] if os.path.isdir(path) else [])
        if subprocess.run(test, user=account.pw_uid, group=account.pw_gid, extra_groups=[]).returncode != 0:
            return False
    return True


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SSHD:
    """A loopback sshd whose every session for SSH_USER is `byline --restricted --cache-dir DIR BLOG`."""

    def __init__(self, folder, binary, blog, cache_dir):
        self.folder, self.pid, self.port = folder, None, None
        self.log = os.path.join(folder, "sshd.log")
        self.key = os.path.join(folder, "client_key")
        for key in (os.path.join(folder, "host_key"), self.key):
            if not os.path.exists(key):
                subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "byline-bench", "-f", key], check=True)
        shutil.copyfile(self.key + ".pub", os.path.join(folder, "authorized_keys"))
        os.chmod(os.path.join(folder, "authorized_keys"), 0o644)
        os.makedirs("/run/sshd", exist_ok=True)  # privilege separation needs it
        for _ in range(3):
            self.port = free_port()
            config = os.path.join(folder, "sshd_config")
            with open(config, "w") as out:
                out.write(self.config(binary, blog, cache_dir))
            if os.path.exists(self.log):
                os.remove(self.log)
            process = subprocess.Popen(["/usr/sbin/sshd", "-D", "-f", config, "-E", self.log],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and process.poll() is None:
                if "Server listening on 127.0.0.1 port %d" % self.port in self.log_text():
                    self.process, self.pid = process, process.pid
                    return
                time.sleep(0.02)
            process.kill()
            process.wait()
        raise RuntimeError("sshd did not start:\n" + self.log_text())

    def config(self, binary, blog, cache_dir):
        # The Match block is docs/ssh.md's, with the cache as its section on large blogs shows.
        # MaxStartups: sshd drops unauthenticated connections past 10 by default, and a wave is 25.
        return "\n".join([
            "ListenAddress 127.0.0.1", "Port %d" % self.port, "HostKey %s/host_key" % self.folder,
            "PidFile %s/sshd.pid" % self.folder, "UsePAM no", "StrictModes no",
            "AuthorizedKeysFile %s/authorized_keys" % self.folder, "PubkeyAuthentication yes",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PermitRootLogin no",
            "AllowUsers %s" % SSH_USER, "PrintMotd no", "PrintLastLog no", "MaxStartups 1000",
            "LoginGraceTime 600", "LogLevel INFO", "",
            "Match User %s" % SSH_USER,
            "    ForceCommand %s --restricted --cache-dir %s %s" % (binary, cache_dir, blog),
            "    PermitTTY yes", "    DisableForwarding yes", "    AllowTcpForwarding no",
            "    AllowAgentForwarding no", "    AllowStreamLocalForwarding no", "    X11Forwarding no",
            "    PermitTunnel no", "    PermitUserRC no", "    PasswordAuthentication no",
            "    KbdInteractiveAuthentication no", "    ClientAliveInterval 30", "    ClientAliveCountMax 3", ""])

    def log_text(self):
        try:
            return open(self.log, errors="replace").read()
        except OSError:
            return ""

    def client(self, env):
        return ["ssh", "-F", "/dev/null", "-i", self.key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=60", "-tt", "-p", str(self.port), "%s@127.0.0.1" % SSH_USER]

    def processes(self):
        """{"byline": pids, "sshd": pids, "other": pids}: the server's live descendants (its per-connection
        sshd processes and what they run), the listener itself counted with sshd."""
        table = process_table()
        out = {"byline": [], "sshd": [self.pid], "other": []}
        for pid in descendants(self.pid, table):
            name = table[pid][1]
            out["byline" if name.startswith("byline") else "sshd" if name.startswith("sshd") else "other"].append(pid)
        return out

    def stop(self):
        """Ends the listener, then (by pid) whatever of its sessions is left."""
        if self.pid is None:
            return
        leftovers = descendants(self.pid)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(alive(pid) for pid in leftovers):
            time.sleep(0.1)
        for pid in leftovers:
            if alive(pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.pid = None


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def ssh_series(server, n, env, estimate):
    """Sessions held at each level of SSH_LEVELS: latency of one `j` each, memory, sessions held."""
    sessions, levels, stopped = [], {}, None
    shown = all_counted(n)
    baseline = available_mb()
    held = lambda: [s for s in sessions if s.shown is not None and not s.ended and not s.closed]
    try:
        for level in SSH_LEVELS:
            failed = 0
            while len(held()) < level and stopped is None:
                if over_budget():
                    stopped = "the time budget of %.0f s was spent" % BUDGET
                    break
                room = int((available_mb() - MIN_AVAILABLE_MB) // max(estimate, 1.0))
                wave = min(SSH_WAVE, level - len(held()), room)
                if wave < 1:
                    stopped = ("no session added past %d: MemAvailable %.0f MB, less %.0f MB for the next session, "
                               "is under %.0f MB" % (len(held()), available_mb(), estimate, MIN_AVAILABLE_MB))
                    break
                before_wave = available_mb()
                new = [Session(server.client(env), env) for _ in range(wave)]
                sessions.extend(new)
                guarded = wait_all(new, shown, WAVE_DEADLINE, guard=low_memory) == "guard"
                for s in new:
                    if s.shown is None:
                        s.close()
                        failed += 1
                if guarded:
                    stopped = ("MemAvailable fell under %.0f MB during the wave that would have taken the sessions "
                               "past %d: its sessions still starting were stopped" % (MIN_AVAILABLE_MB, len(held())))
                    shed(held, sessions)
                elif failed and all(s.shown is None for s in new):
                    stopped = "no session of a wave of %d showed its first screen within %.0f s" % (wave, WAVE_DEADLINE)
                count = len(held())
                if count:
                    # What the next session is expected to take: the most of what each held session takes
                    # (PSS), what each took of MemAvailable overall and in this wave, with a margin.
                    cpu_quiet(lambda: server.processes()["byline"], held())
                    per = (total_pss(server, held())["total"]) / count
                    now = available_mb()
                    estimate = MARGIN * max(per, (baseline - now) / count, (before_wave - now) / wave)
                    if stopped is None and now < MIN_AVAILABLE_MB:
                        stopped = ("MemAvailable fell under %.0f MB (to %.0f MB) once the wave that took the sessions "
                                   "to %d had settled: no more added" % (MIN_AVAILABLE_MB, now, count))
                log("  %d sessions held (%d failed to start); MemAvailable %.0f MB" % (count, failed, available_mb()))
            sessions_now = held()
            if not sessions_now:
                break
            quiet = cpu_quiet(lambda: server.processes()["byline"], sessions_now)
            memory = total_pss(server, sessions_now)
            memory["drop"] = baseline - available_mb()
            moves = [s.timed_key(b"j") for s in sessions_now]
            latencies = [seconds for seconds, _ in moves if seconds is not None]
            levels[level] = {"held": len(latencies), "started": len(sessions_now), "memory": memory,
                             "failed": failed, "quiet": quiet,
                             "shown": statistics.median([s.shown for s in sessions_now]),
                             "median": statistics.median(latencies) if latencies else None,
                             "p99": percentile(latencies, 0.99) if latencies else None,
                             "bytes": statistics.median([b for _, b in moves])}
            log("  level %d: %d held, j median %s, p99 %s; PSS byline %.0f MB, sshd %.0f MB; MemAvailable drop %.0f MB" % (
                level, len(latencies), ms(levels[level]["median"]), ms(levels[level]["p99"]), memory["byline"],
                memory["sshd"], memory["drop"]))
            if stopped:
                break
    finally:
        for s in sessions:
            s.close()
    return {"levels": levels, "stopped": stopped}


def shed(held, sessions):
    """After the guard tripped: the newest sessions are ended until MemAvailable is back over the floor."""
    deadline = time.monotonic() + 30
    while low_memory() and held() and time.monotonic() < deadline:
        held()[-1].close()
        time.sleep(1.0)


def total_pss(server, sessions):
    processes = server.processes()
    memory = {kind: sum(pss_mb(pid) for pid in pids) for kind, pids in processes.items()}
    memory["total"] = memory["byline"] + memory["sshd"] + memory["other"]
    memory["clients"] = sum(pss_mb(s.pid) for s in sessions)
    memory["processes"] = {kind: len(pids) for kind, pids in processes.items()}
    return memory


def ssh_part(programs, blog, caches, n, env, estimates):
    """Both binaries through one sshd each, in turn; {label: series} or a reason it did not run."""
    if os.geteuid() != 0:
        return "not run: sshd must run as root to switch to the sessions' account"
    if not (os.access("/usr/sbin/sshd", os.X_OK) and shutil.which("ssh") and shutil.which("ssh-keygen")):
        return "not run: openssh-server and openssh-client are needed (scripts/install-deps.sh installs them)"
    account = ensure_account()
    folder = tempfile.mkdtemp(prefix="byline-visitors-sshd-")
    os.chmod(folder, 0o755)
    results = {}
    try:
        # The account must reach the posts and each cache; a blog or cache it cannot reach (a tree under
        # a mode-700 home) is linked into the temp folder, and indexed there, since a cache is found by
        # its blog's path.
        if not reachable(account, blog, os.path.join(blog, sorted(os.listdir(blog))[0])):
            linked = os.path.join(folder, "posts")
            subprocess.run(["cp", "-al", blog, linked], check=True)
            os.chmod(linked, 0o755)
            blog, caches = linked, {}
        for label, binary in programs:
            if over_budget():
                notes.append("through sshd: the %s binary was not measured, the budget of %.0f s was spent" % (label, BUDGET))
                continue
            # A copy the account can run, named byline so that its processes are known by name.
            own = os.path.join(folder, label)
            os.makedirs(own, exist_ok=True)
            os.chmod(own, 0o755)
            copy = os.path.join(own, "byline")
            shutil.copyfile(binary, copy)
            os.chmod(copy, 0o755)
            cache_dir = caches.get(label)
            if not cache_dir or not reachable(account, cache_dir, *[os.path.join(cache_dir, f) for f in os.listdir(cache_dir)]):
                cache_dir = os.path.join(folder, "cache-" + label)
                seconds, megabytes = build_cache(binary, blog, cache_dir, env)
                log("%s: index for sshd: %.1f s, %.0f MB" % (label, seconds, megabytes))
            try:
                server = SSHD(folder, copy, blog, cache_dir)
            except (RuntimeError, subprocess.CalledProcessError) as error:
                notes.append("through sshd: the %s binary was not measured: %s" % (label, str(error).strip()))
                continue
            log("%s through sshd (port %d), levels %s" % (label, server.port, SSH_LEVELS))
            try:
                results[label] = ssh_series(server, n, env, estimates.get(label) or 200.0)
            finally:
                server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results


# --- the report ------------------------------------------------------------------------------------------

def ms(value):
    if value is None:
        return "–"
    return "%.1f ms" % (value * 1e3) if value < 1 else "%.2f s" % value


def mb(value):
    return "–" if value is None else "%.1f MB" % value


def median_or_none(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def report(labels, memory, indexes, ssh, elapsed):
    """The visitors section of BENCHMARKS.md."""
    lines = ["<!-- visitors:start -->", "## Visitors: memory per reader and sessions through sshd (issue 20)", ""]
    two = len(labels) == 2
    lines.append("%s Every reader and session is `byline --restricted` with a cache its own `byline index` built, "
                 "on a 120x40 pty. MB is 2^20 bytes; memory is PSS (smaps_rollup), which splits pages shared "
                 "between processes among them." % (
                     "The before binary and this tree's, their runs taken in turn." if two else
                     "This tree's binary only (no BYLINE_BEFORE)."))
    if indexes:
        lines += ["", "**`byline index`** (into a fresh folder, once per binary): " + "; ".join(
            "%s posts (%.0f MB of markdown): %s" % (f"{n:,}", markdown, ", ".join(
                "%s %.1f s, %.0f MB" % (label, seconds, megabytes) for label, (seconds, megabytes) in by.items()))
            for n, (markdown, by) in sorted(indexes.items())) + "."]
    if memory:
        lines += ["", "### Memory per reader", "",
                  "Readers started one after another, each moving down the list (`j`) and opening a post (Enter) "
                  "before the next starts; the sum of their PSS once their CPU time stopped growing. Medians of %d "
                  "run%s. Per additional reader: (PSS(last) - PSS(1)) / (last - 1)." % (RUNS, "" if RUNS == 1 else "s"),
                  "", "| posts | binary | readers held | %s | per additional reader |" % " | ".join(
                      "PSS, %d reader%s" % (c, "" if c == 1 else "s") for c in CHECKPOINTS),
                  "|---:|---|---:|%s---:|" % ("---:|" * len(CHECKPOINTS))]
        for n in sorted(memory):
            for label in labels:
                runs = memory[n].get(label) or []
                if not runs:
                    continue
                held = min(r["held"] for r in runs)
                cells = [mb(median_or_none([r["pss"].get(c) for r in runs])) for c in CHECKPOINTS]
                lines.append("| %s | %s | %d of %d | %s | %s |" % (f"{n:,}", label, held, READERS, " | ".join(cells),
                                                                  mb(median_or_none([marginal(r) for r in runs]))))
                for r in runs:
                    if r.get("unopened"):
                        notes.append("%s posts, %s: %d readers showed the list still after Enter (no post opened)." % (
                            f"{n:,}", label, r["unopened"]))
                    if r["stopped"]:
                        notes.append("%s posts, %s: %s (%d readers held%s)." % (
                            f"{n:,}", label, r["stopped"], r["held"],
                            "; PSS of all of them %s" % mb(r["pss"].get(r["held"])) if r["held"] else ""))
    if isinstance(ssh, str):
        lines += ["", "### Through sshd", "", "Through sshd: %s." % ssh]
    elif ssh:
        lines += ["", "### Through sshd, %s posts" % f"{SSH_SIZE:,}", "",
                  "A loopback sshd of the bench's own (key authentication, `MaxStartups 1000`), its `ForceCommand` "
                  "`byline --restricted --cache-dir DIR BLOG` as docs/ssh.md shows; each session an ssh client on "
                  "a pty, started in waves of %d, each waiting for its first screen. At each level, one `j` per "
                  "session, one session at a time, from the key's write to the frame's last byte (output quiet "
                  "for 150 ms after it); memory once the sessions' CPU time stopped growing. **sshd** is every "
                  "sshd process of the server (the listener, and two per connection); **MemAvailable drop** is "
                  "the machine's since sshd started (ssh clients included, and whatever else ran on the machine)."
                  % SSH_WAVE, "",
                  "| binary | sessions | held | first screen (median) | `j` median | `j` p99 | PSS byline | PSS sshd "
                  "| PSS total | per session | ssh clients | MemAvailable drop |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for label in labels:
            series = ssh.get(label)
            if not series:
                continue
            for level in SSH_LEVELS:
                r = series["levels"].get(level)
                if not r:
                    lines.append("| %s | %d | not reached | | | | | | | | | |" % (label, level))
                    continue
                m = r["memory"]
                lines.append("| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    label, level, r["held"], ms(r["shown"]), ms(r["median"]), ms(r["p99"]), mb(m["byline"]),
                    mb(m["sshd"] + m["other"]), mb(m["total"]), mb(m["total"] / max(r["started"], 1)), mb(m["clients"]),
                    mb(m["drop"])))
                if not r["quiet"]:
                    notes.append("through sshd, %s, %d sessions: their CPU time was still growing after %.0f s; "
                                 "measured anyway." % (label, level, CPU_QUIET_DEADLINE))
            if series["stopped"]:
                notes.append("through sshd, %s: %s." % (label, series["stopped"]))
    lines += ["", "Goals of issue 20:", ""] + ["- " + goal for goal in goals(labels, memory, indexes, ssh)]
    if notes:
        lines += [""] + ["Note: " + note for note in notes]
    lines += ["", "This run took %.0f s. Measured %s on %s (%s, %d cores, %.0f GB of memory, no reader or session "
              "started under %.0f MB of MemAvailable) with %s. Reproduce: "
              "`make bench` (`make bench BENCH_BEFORE=<git ref>` for before and after), or a quick run: "
              "`BENCH_VISITOR_SIZES=10000 BENCH_VISITOR_READERS=10 BENCH_SSH_SIZE=10000 BENCH_SSH_LEVELS=1,10 "
              "python3 bench/visitors_bench.py` (BYLINE, BYLINE_BEFORE, BENCH_VISITOR_RUNS, BENCH_SSH_WAVE, "
              "BENCH_VISITOR_MIN_AVAILABLE_MB, BENCH_VISITOR_BUDGET, BENCH_CORPUS_DIR)." % (
                  elapsed, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), platform.node(), platform.machine(),
                  os.cpu_count(), meminfo_mb("MemTotal") / 1024, MIN_AVAILABLE_MB, ", ".join(
                      "%s: `%s`" % (label, shown_path(path)) for label, path in labels.items())),
              "<!-- visitors:end -->"]
    return "\n".join(line for line in lines if line is not None)


def shown_path(path):
    return os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path


def goals(labels, memory, indexes, ssh):
    """Issue 20's goals for this tree's binary (`after`), with the before binary's figure beside it."""
    out = []

    def beside(figure):
        return "" if "before" not in labels or figure is None else "; before: %s" % figure

    for n in (10000, 100000):
        text = "marginal memory per additional reader at %s posts at most %.0f MB" % (f"{n:,}", MARGINAL_GOAL_MB)
        runs = (memory.get(n) or {})
        mine = median_or_none([marginal(r) for r in runs.get("after") or []])
        if n not in memory:
            out.append("%s: **not measured** (%s posts not in BENCH_VISITOR_SIZES)" % (text, f"{n:,}"))
        elif mine is None:
            out.append("%s: **not measured** (fewer than 2 readers held)" % text)
        else:
            held = min(r["held"] for r in runs["after"])
            out.append("%s: **%s** (%s with %d readers held%s)" % (
                text, "met" if mine <= MARGINAL_GOAL_MB and held >= 50 else "missed" if mine > MARGINAL_GOAL_MB else
                "not measured at 50 readers", mb(mine), held,
                beside(mb(median_or_none([marginal(r) for r in runs.get("before") or []])))))
    text = "%d concurrent sessions of the %s-post blog held through sshd, each answering a list move" % (
        SESSIONS_GOAL, f"{SESSIONS_GOAL_SIZE:,}")
    if isinstance(ssh, str) or not ssh or SSH_SIZE != SESSIONS_GOAL_SIZE or SESSIONS_GOAL not in SSH_LEVELS:
        out.append("%s: **not measured** (%s)" % (text, ssh if isinstance(ssh, str) else
                                                  "BENCH_SSH_SIZE=%d, BENCH_SSH_LEVELS=%s" % (SSH_SIZE, ",".join(map(str, SSH_LEVELS)))))
    else:
        def held(label):
            series = ssh.get(label) or {"levels": {}}
            levels = series["levels"]
            top = max(levels) if levels else None
            return (levels[top]["held"] if top else 0), levels.get(SESSIONS_GOAL)

        mine, at_goal = held("after")
        theirs, _ = held("before")
        detail = "%d of %d held" % (mine, SESSIONS_GOAL)
        if at_goal:
            detail += "; total PSS %s; `j` median %s, p99 %s" % (mb(at_goal["memory"]["total"]), ms(at_goal["median"]),
                                                                 ms(at_goal["p99"]))
        out.append("%s: **%s** (%s%s)" % (text, "met" if mine >= SESSIONS_GOAL else "missed", detail,
                                          beside("%d held" % theirs if "before" in ssh else None)))
    if 100000 in indexes:
        markdown, by = indexes[100000]
        if "after" in by:
            seconds, megabytes = by["after"]
            before = by.get("before")
            out.append("cache at 100,000 posts at most half the size of its markdown (%.0f MB): **%s** (%.0f MB, %.2fx%s)" % (
                markdown, "met" if megabytes <= markdown / 2 else "missed", megabytes, megabytes / markdown,
                beside(before and "%.0f MB" % before[1])))
            out.append("cache at 100,000 posts built in under 20 s: **%s** (%.1f s%s)" % (
                "met" if seconds < 20 else "missed", seconds, beside(before and "%.1f s" % before[0])))
    else:
        out.append("cache at 100,000 posts (size and build time): **not measured** (100,000 not in BENCH_VISITOR_SIZES)")
    out.append("every figure of the scale section (first screen, keys, search, memory of one reader) no worse: "
               "see its before-and-after table above")
    return out


# --- main ------------------------------------------------------------------------------------------------

def main():
    programs = binaries()
    labels = dict(programs)
    home = os.path.join(WORK, "visitors-home")
    os.makedirs(home, exist_ok=True)
    env = environment(home)
    log("binaries: %s; MemAvailable %.0f MB, floor %.0f MB" % (labels, available_mb(), MIN_AVAILABLE_MB))
    memory, indexes, caches = {}, {}, {}
    for n in sorted(set(SIZES) | {SSH_SIZE}):
        if over_budget():
            notes.append("%s posts skipped: the budget of %.0f s was spent." % (f"{n:,}", BUDGET))
            continue
        blog = corpus_folder(n)
        by = {}
        for label, binary in programs:
            cache_dir = os.path.join(WORK, "visitors-%d" % n, "cache-" + label)
            by[label] = build_cache(binary, blog, cache_dir, env)
            caches.setdefault(n, {})[label] = cache_dir
            log("%s: index %d posts: %.1f s, %.0f MB" % (label, n, *by[label]))
        indexes[n] = (folder_megabytes(blog), by)
        if n not in SIZES:
            continue
        memory[n] = {label: [] for label in labels}
        for run in range(RUNS):
            for label, binary in programs:
                if over_budget():
                    notes.append("%s posts, %s: run %d skipped, the budget of %.0f s was spent." % (
                        f"{n:,}", label, run + 1, BUDGET))
                    continue
                log("%s, %d posts, run %d: up to %d readers" % (label, n, run + 1, READERS))
                memory[n][label].append(reader_series(binary, blog, caches[n][label], n, env))
    # The first reader's PSS at the sshd size is the first estimate of what a session takes (sshd adds its own).
    estimates = {}
    for label in labels:
        runs = (memory.get(SSH_SIZE) or {}).get(label) or []
        first = median_or_none([r["pss"].get(1) for r in runs])
        if first is not None:
            estimates[label] = first + 10.0
    ssh = None
    if SSH_LEVELS:
        ssh = ssh_part(programs, corpus_folder(SSH_SIZE), caches.get(SSH_SIZE, {}), SSH_SIZE, env, estimates)
    section = report(labels, memory, indexes, ssh, time.monotonic() - T0)
    print(section)
    benchmarks_md.write_section("visitors", section)


if __name__ == "__main__":
    main()
