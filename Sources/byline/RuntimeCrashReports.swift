#if canImport(Glibc)
import Glibc
#endif
import BylineTerminal

/// What a crash leaves behind in restricted mode: nothing a visitor sees, nothing on disk.
///
/// The Swift runtime's crash report prints the program's stack with addresses (what address
/// randomisation hides) and, on a terminal, offers an interactive debugger for 30 seconds: the fatal
/// signals get their default action back, so a crash just ends the session (the terminal is still given
/// back first, by `CrashRestore`). And no core file is written: it would hold the session's memory,
/// in the account's current folder, which may be the posts folder byline never writes into.
enum RuntimeCrashReports {
    static func turnOff() {
        for number in CrashRestore.signals { signal(number, SIG_DFL) }
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
    }
}
