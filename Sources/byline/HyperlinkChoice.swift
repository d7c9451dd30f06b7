import ArgumentParser
import BylineCore
import BylineTerminal

/// `--hyperlinks auto|always|never`, for the reader and `show`: whether links are written as OSC 8
/// hyperlinks (their targets through `TerminalURL`'s rules either way).
enum HyperlinkChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Only on a terminal known to show them (`HyperlinkSupport`).
    case auto
    case always
    case never

    static let help = ArgumentHelp("OSC 8 hyperlinks: auto (where the terminal is known to show them; off in pipes, "
                                   + "usually off over SSH), always or never.", valueName: "WHEN")

    /// Whether to write them, `toTerminal` telling whether the output is a terminal at all.
    func isOn(toTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return toTerminal && HyperlinkSupport.isKnown { Environment.value($0) }
        }
    }
}
