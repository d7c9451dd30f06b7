import BylineCore
@preconcurrency import Glibc
import Synchronization

/// Ends the process soon after its visitor is gone, whatever the main thread is doing. The runtime
/// notices a hang-up only between two steps, and one step can be long: laying out a 50 MB post, the
/// first load of a large blog, a search (3.5 to 29 s seen), or, without a terminal (`ssh -T`), the
/// whole load before anything is printed, while the orphan kept two cores busy.
///
/// A thread of its own sleeps in one `poll` on the session's descriptors and on a wake-up pipe, which
/// the SIGHUP handler writes to (`write` is async-signal-safe). When a descriptor hangs up (POLLHUP,
/// POLLERR: the SSH client died, the window closed, the reader of standard output went away) or SIGHUP
/// arrives, the main loop gets `graceMilliseconds` to end the session in order; if it has not, the
/// process ends at once with `_exit`. Nothing is lost by that: a dead terminal has nothing to restore
/// (a live one, after a `kill -HUP`, gets its modes back first), and the cache is only ever written
/// to a temporary file renamed into place or inside SQLite transactions, so a cut write leaves the old
/// cache whole (the temporary file is removed by the next build, see `PostCache`).
package final class HangupWatch: @unchecked Sendable {
    /// How long the main loop has to notice a hang-up itself and end in order (restoring the terminal,
    /// reporting the status) before the process is ended for it. Short enough that the whole exit
    /// stays well inside the promised second; long enough for an idle loop, which wakes at once.
    package static let graceMilliseconds: Int32 = 300
    /// The exit status of a session ended by a hang-up: 128 + SIGHUP, as the runtime reports it too.
    package static let exitStatus: Int32 = 128 + SIGHUP

    /// The write end of the watch now running, for the SIGHUP handler; -1 when none runs.
    private static let signalTarget = Atomic<Int32>(-1)
    private static let hangupByte: UInt8 = 0x48  // "H"
    private static let stopByte: UInt8 = 0x53  // "S"

    private let descriptors: [Int32]
    private let grace: Int32
    private let end: @Sendable () -> Void
    /// Written by the SIGHUP handler and by `stop`. Kept open: a SIGHUP handler that read its descriptor
    /// just before `stop` may still write to it; two descriptors per session, and a session is a
    /// process's whole life.
    private let wake = WakeUp(keptOpen: true)
    private var thread: pthread_t?

    /// Starts watching `descriptors` for a hang-up (and the process for SIGHUP, when the signal's
    /// handler calls `signalArrived`). `end` runs on the watch's thread when the session has not ended
    /// `grace` milliseconds after; by default it ends the process with `exitStatus`.
    package init(watching descriptors: [Int32], grace: Int32 = HangupWatch.graceMilliseconds,
                end: @escaping @Sendable () -> Void = HangupWatch.endProcess) {
        self.descriptors = descriptors
        self.grace = grace
        self.end = end
        guard wake.descriptor >= 0 else { return }
        Self.signalTarget.store(wake.writeEnd, ordering: .releasing)
        let box = Unmanaged.passRetained(self).toOpaque()
        var created = pthread_t()
        if pthread_create(&created, nil, { raw in
            let watch = Unmanaged<HangupWatch>.fromOpaque(raw!).takeRetainedValue()
            watch.run()
            return nil
        }, box) == 0 {
            thread = created
        } else {
            Unmanaged<HangupWatch>.fromOpaque(box).release()
        }
    }

    /// The session ended in order: the watch stops (and waits for its thread), so nothing ends the
    /// process behind the runtime's back. Idempotent.
    package func stop() {
        guard let running = thread else { return }
        thread = nil
        _ = Self.signalTarget.compareExchange(expected: wake.writeEnd, desired: -1, ordering: .acquiringAndReleasing)
        wake.signal(Self.stopByte)
        pthread_join(running, nil)
    }

    /// Called by the SIGHUP handler: wakes the watch now running. Async-signal-safe (one `write`).
    static func signalArrived() {
        var byte = hangupByte
        let target = signalTarget.load(ordering: .acquiring)
        if target >= 0 { _ = write(target, &byte, 1) }
    }

    /// Ends the process as a hang-up: gives a live terminal its modes back first (`CrashRestore`
    /// prepared the bytes), then `_exit`, which runs no `atexit` handler that could wait on a lock the
    /// busy main thread holds.
    @Sendable package static func endProcess() {
        CrashRestore.giveBackTerminal()
        _exit(exitStatus)
    }

    private func run() {
        guard waitForHangup() else { return }
        // The main loop's turn: it ends the session in order and stops this watch, if it can.
        var wakeOnly = [pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)]
        let deadline = Self.milliseconds() + Int64(grace)
        while true {
            let left = deadline - Self.milliseconds()
            if left <= 0 { break }
            // Another SIGHUP, or EINTR, changes nothing: the same grace goes on.
            if poll(&wakeOnly, 1, Int32(left)) > 0, wake.drain().contains(Self.stopByte) { return }
        }
        end()
    }

    /// Sleeps until a descriptor hangs up or SIGHUP arrives (true), or the watch is stopped (false).
    private func waitForHangup() -> Bool {
        var watched = [pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)]
        // No events asked for: poll still reports POLLHUP and POLLERR, and input waiting (keys) never
        // wakes this thread.
        watched += descriptors.map { pollfd(fd: $0, events: 0, revents: 0) }
        while true {
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            if watched[0].revents != 0 {
                let bytes = wake.drain()
                if bytes.contains(Self.stopByte) { return false }
                if bytes.contains(Self.hangupByte) { return true }
            }
            for index in watched.indices.dropFirst() {
                let revents = watched[index].revents
                if revents & Int16(POLLNVAL) != 0 { watched[index].fd = -1 }  // not open: nothing to watch
                if revents & Int16(POLLHUP | POLLERR) != 0 { return true }
            }
        }
    }

    private static func milliseconds() -> Int64 { Int64(Monotonic.nanoseconds() / 1_000_000) }
}
