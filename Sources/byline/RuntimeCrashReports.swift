#if canImport(Glibc)
import Glibc
#endif
import BylineTerminal

/// A visitor must never see the Swift runtime's crash report: it prints the program's stack with
/// addresses (what address randomisation hides) and, on a terminal, offers an interactive debugger for
/// 30 seconds. In restricted mode the fatal signals get their default action back, so a crash just ends
/// the session; the terminal is still given back first (`CrashRestore`).
enum RuntimeCrashReports {
    static func turnOff() {
        for number in CrashRestore.signals { signal(number, SIG_DFL) }
    }
}
