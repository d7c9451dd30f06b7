/// Whether the terminal is known to show OSC 8 hyperlinks, judged from the environment alone (there
/// is no query a terminal answers for it). `--hyperlinks auto` writes them only then: a terminal
/// that does not know OSC 8 should ignore it, but some old ones print the target as text.
///
/// Known, from what each terminal sets: VTE 0.50 and later (`VTE_VERSION` >= 5000: GNOME Terminal,
/// Tilix, Terminator), kitty (`KITTY_WINDOW_ID`, `TERM=xterm-kitty`), Windows Terminal
/// (`WT_SESSION`), iTerm2, WezTerm, VS Code, Ghostty (`TERM_PROGRAM`), foot, WezTerm, Ghostty and
/// Alacritty (their `TERM`), Konsole 20.04 and later (`KONSOLE_VERSION` >= 200400), DomTerm.
/// Inside tmux (`TMUX` set) only from 3.4 on (`TERM_PROGRAM_VERSION`), which passes hyperlinks on
/// (to an outer terminal whose `terminal-features` include `hyperlinks`); then the outer terminal is
/// judged by the variables tmux's shell inherited. tmux before 3.4 and GNU screen drop or mangle them.
/// Over SSH (and in a restricted ForceCommand session) only `TERM` arrives unless sshd accepts more
/// (`AcceptEnv`): `auto` is then usually off, and `--hyperlinks always` turns them on.
package enum HyperlinkSupport {
    /// Whether hyperlinks are known to work, with `environment` answering variable names.
    package static func isKnown(_ environment: (String) -> String?) -> Bool {
        func value(_ name: String) -> String? { environment(name).flatMap { $0.isEmpty ? nil : $0 } }
        if value("TMUX") != nil {
            guard let version = value("TERM_PROGRAM_VERSION"), value("TERM_PROGRAM") == "tmux",
                  tmuxVersion(version, atLeast: (3, 4)) else { return false }
        } else if value("STY") != nil || (value("TERM") ?? "").hasPrefix("screen") {
            return false
        }
        if let vte = value("VTE_VERSION").flatMap(Int.init), vte >= 5000 { return true }
        if let konsole = value("KONSOLE_VERSION").flatMap(Int.init), konsole >= 200400 { return true }
        if value("KITTY_WINDOW_ID") != nil || value("WT_SESSION") != nil || value("DOMTERM") != nil { return true }
        if let program = value("TERM_PROGRAM"), ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(program) { return true }
        if let term = value("TERM"), ["xterm-kitty", "foot", "foot-extra", "wezterm", "xterm-ghostty", "alacritty"].contains(term) { return true }
        return false
    }

    /// Whether a tmux version (`3.3a`, `3.4`, `next-3.5`) is at least `minimum`.
    static func tmuxVersion(_ text: String, atLeast minimum: (Int, Int)) -> Bool {
        let digits = text.drop(while: { !$0.isNumber })
        let parts = digits.split(separator: ".", maxSplits: 1)
        guard let major = parts.first.flatMap({ Int($0) }) else { return false }
        let minor = parts.count > 1 ? Int(parts[1].prefix(while: \.isNumber)) ?? 0 : 0
        return (major, minor) >= minimum
    }
}
