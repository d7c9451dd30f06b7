// Linked into every fuzz target (fuzz/build.sh compiles this folder with each entry file).
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns an input that runs past libFuzzer's `-timeout` into a crash, from a thread of its own.
///
/// libFuzzer's own timeout acts on SIGALRM only when the signal lands on the thread running the input;
/// byline loads posts and searches on worker threads, and a 9-second input was seen to pass under
/// `-timeout=5` (two alarms of nine were heard). The abort is caught by libFuzzer, which writes the
/// input as `crash-*` after this message.
enum Watchdog {
    /// Seconds an input may run: libFuzzer's `-timeout=N` from the command line; none without it.
    static let limitSeconds: Int? = CommandLine.arguments.lazy.compactMap { argument -> Int? in
        guard argument.hasPrefix("-timeout=") else { return nil }
        return Int(argument.dropFirst("-timeout=".count))
    }.first.flatMap { $0 > 0 ? $0 : nil }

    /// When the running input started (monotonic nanoseconds), 0 between inputs.
    private static let started = Atomic<Int>(0)
    private static let launched = Atomic<Bool>(false)

    /// Runs one input under the watchdog.
    static func run<T>(_ body: () -> T) -> T {
        guard limitSeconds != nil else { return body() }
        launch()
        started.store(now(), ordering: .releasing)
        defer { started.store(0, ordering: .releasing) }
        return body()
    }

    private static func launch() {
        guard !launched.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var thread = pthread_t()
        pthread_create(&thread, nil, { _ in
            Watchdog.watch()
            return nil
        }, nil)
    }

    private static func watch() {
        guard let limit = limitSeconds else { return }
        while true {
            sleep(1)
            let start = started.load(ordering: .acquiring)
            guard start != 0 else { continue }
            let seconds = (now() - start) / 1_000_000_000
            if seconds >= limit {
                let message = "==watchdog== ERROR: the input has run for \(seconds) s (-timeout=\(limit)): a hang\n"
                _ = message.withCString { write(2, $0, strlen($0)) }
                abort()
            }
        }
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}
