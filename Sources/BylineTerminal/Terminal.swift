import BylineCore
@preconcurrency import CNcursesw
@preconcurrency import Glibc

/// The full-screen terminal: set up, painted frame by frame, read key by key, and given back intact.
/// The runtime owns one between `start` and `stop` and calls it from one thread.
package final class Terminal {
    /// Terminal types tried, in order, when `TERM` is unset or has no terminfo entry (a `TERM` copied
    /// over SSH from a machine with a newer ncurses): better a plainer screen than none.
    static let fallbackTypes = ["xterm-256color", "xterm", "vt100"]
    /// Escape must act within 50 ms; 25 ms still joins the bytes of arrow keys on most links.
    static let escapeDelayMilliseconds: Int32 = 25

    private let screen: OpaquePointer
    let painter: ScreenPainter
    private(set) var stopped = false
    private let sizeEnvironment: SizeEnvironment
    /// Ends the process if the terminal hangs up while the runtime is too busy to notice.
    private let hangupWatch: HangupWatch
    /// Keys decoded from what `wget_wch` hands over, pastes joined; kept between reads.
    var input = InputDecoder()

    /// The terminal type in use: `TERM`, or the fallback that worked.
    package let terminalType: String
    /// What the terminal offers: 0 (mono), 8, 16 or 256 colours.
    package let colorCount: Int

    /// Takes over the terminal: UTF-8 locale, raw keys, no echo, hidden cursor, bracketed paste, the
    /// theme's colours.
    /// Throws when standard input/output is not a terminal or no terminal type can be used at all.
    /// With `mouse`, the mouse is reported (`MouseReporting`); without, no mouse mode is touched.
    /// `hyperlinks`: links drawn as OSC 8 hyperlinks (`ScreenPainter`).
    package static func start(theme: Theme, mouse: Bool = true, hyperlinks: Bool = false) throws -> Terminal {
        guard !TerminalSession.isActive else { throw TerminalError.alreadyStarted }
        MouseReporting.enabled = mouse
        TerminalLocale.ensureUTF8()
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        // Before newterm, so ncurses sees our handlers and installs none of its own for these.
        SignalFlags.clear()
        SignalFlags.install()
        CrashRestore.saveModes()
        // ncurses allocates its screens at newterm for the size it finds, and it reads LINES and COLUMNS
        // before the terminal's own report: they carry the bounded size, so a huge window costs nothing.
        let sizeEnvironment = SizeEnvironment(WindowSize.measured())
        use_env(true)  // the default, relied on
        let requested = getenv("TERM").map { String(cString: $0) } ?? ""
        var opened: (OpaquePointer, String)?
        for type in (requested.isEmpty ? [] : [requested]) + fallbackTypes where opened == nil {
            // newterm, unlike initscr, returns NULL for an unknown type instead of exiting.
            if let screen = type.withCString({ newterm($0, stdout, stdin) }) { opened = (screen, type) }
        }
        guard let (screen, type) = opened else {
            sizeEnvironment.restore()
            SignalFlags.restore()
            throw TerminalError.unknownTerminalType(requested)
        }
        set_term(screen)
        TerminalSession.begin()
        CrashRestore.install()
        return Terminal(screen: screen, type: type, theme: theme, sizeEnvironment: sizeEnvironment, hyperlinks: hyperlinks)
    }

    private init(screen: OpaquePointer, type: String, theme: Theme, sizeEnvironment: SizeEnvironment, hyperlinks: Bool) {
        self.screen = screen
        self.sizeEnvironment = sizeEnvironment
        hangupWatch = HangupWatch(watching: [0, 1])
        terminalType = type
        raw()  // Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys, not signals or flow control
        noecho()
        nonl()  // Enter arrives as 13 and the cursor moves without newline translation
        keypad(stdscr, true)
        meta(stdscr, true)  // 8-bit input: UTF-8 bytes pass through whole
        intrflush(stdscr, false)
        set_escdelay(Self.escapeDelayMilliseconds)
        curs_set(0)
        leaveok(stdscr, true)  // the cursor is hidden: no bytes spent moving it after each frame

        var mode = ColorMode.none
        var pairZero = ColorPair.terminalDefault
        if has_colors() {
            start_color()
            // -1 keeps the terminal's own background (and transparency). Without it pair 0 is
            // white on black, and "default" must mean exactly that.
            if use_default_colors() == ERR { pairZero = ColorPair(foreground: Int32(COLOR_WHITE), background: Int32(COLOR_BLACK)) }
            mode = ColorMode(hasColors: true, colors: Int(COLORS))
        }
        colorCount = mode.colorCount
        let italicAvailable = term_attrs() & byline_a_italic() != 0
        // Without colours, the theme's attribute-only twin keeps everything distinguishable.
        painter = ScreenPainter(theme: mode == .none ? theme.withoutColors : theme, mode: mode, italicAvailable: italicAvailable,
                                pairs: ColorPairTable(colorPairs: Int(COLOR_PAIRS), pairZero: pairZero), hyperlinks: hyperlinks)
        // ncurses 6.4 flushes its output at every cursor movement until the screen has once been left
        // and resumed: newterm leaves it in a state meant for programs that use terminfo alone. Each
        // frame then reached the terminal in dozens of writes (a list move in 40; over SSH, as many
        // packets). Leaving and resuming once, before anything is drawn, makes every frame one
        // write, for about 70 bytes more in the first.
        endwin()
        doupdate()
        // Pastes bracketed from here on, and around a suspend too; ncurses has nothing buffered now.
        BracketedPaste.turnOn()  // and the mouse's modes, in the same write
        BracketedPaste.followSuspend()
        // Where terminfo's `kmous` is the X10 report's start, ncurses' KEY_MOUSE is that (`InputDecoder`).
        if let value = "kmous".withCString({ tigetstr(UnsafeMutablePointer(mutating: $0)) }), Int(bitPattern: value) != -1 {
            input.mouseKeyIsX10 = String(cString: value) == "\u{1B}[M"
        }
    }

    deinit { stop() }

    /// Columns of the window now.
    package var width: Int { stopped ? 0 : Int(getmaxx(stdscr)) }
    /// Rows of the window now.
    package var height: Int { stopped ? 0 : Int(getmaxy(stdscr)) }

    /// Shows `screen`: draws only the cells that changed since the last call (everything after a
    /// resize or `invalidate()`), then one `doupdate()`. Does nothing after `stop()`.
    package func paint(_ screen: Screen) {
        guard !stopped else { return }
        painter.paint(screen)
    }

    /// Makes the next `paint` clear the terminal and draw every cell: Ctrl-L, for when something
    /// else wrote over the screen (a `wall` message, a background job).
    package func invalidate() {
        guard !stopped else { return }
        clearok(curscr, true)
        painter.forgetScreen()
    }

    /// Puts `text` on the terminal's clipboard with OSC 52 (`ClipboardText`: sanitised, bounded to
    /// `ClipboardText.maximumBytes`, nothing written past it). Written raw to the terminal, between
    /// frames: ncurses flushed its output at the last `doupdate`, so the sequence never lands inside a
    /// frame. It reaches the reader's own terminal over SSH; through tmux only with tmux's
    /// `set -g set-clipboard on` (tmux then keeps it as a paste buffer and passes it on to the outer
    /// terminal where that terminal's terminfo entry has `Ms`; `external` passes it on without taking it).
    package func copyToClipboard(_ text: String) {
        guard !stopped, let sequence = ClipboardText.sequence(for: text) else { return }
        _ = sequence.withUnsafeBytes { WholeWrite.write($0, to: 1) }
    }

    /// Gives the terminal back: pastes no longer bracketed, tty modes, visible cursor, keypad mode
    /// off, the shell's screen, and the signal handlers that were there before. Idempotent.
    package func stop() {
        guard !stopped else { return }
        stopped = true
        hangupWatch.stop()
        CrashRestore.uninstall()
        BracketedPaste.forgetSuspend()
        TerminalSession.end()
        delscreen(screen)
        SignalFlags.restore()
        sizeEnvironment.restore()
    }

    /// Follows the window to its size now, bounded (`WindowSize`): ncurses' screens are resized to it
    /// (blank, to be drawn whole) when it differs from theirs. Returns whether it did.
    func followWindow() -> Bool {
        guard let size = WindowSize.measured(), is_term_resized(Int32(size.rows), Int32(size.columns)) else { return false }
        resize_term(Int32(size.rows), Int32(size.columns))
        clearok(curscr, true)  // what the terminal shows after a resize is its own business
        windowResized()
        return true
    }

    /// Called on a resize: ncurses resized `stdscr`, possibly dropping cells a later frame of the old
    /// size would not redraw.
    func windowResized() { painter.forgetScreen() }
}

/// LINES and COLUMNS set to the bounded window size while the terminal is taken, and put back as they
/// were after. ncurses reads them (in place of the terminal's own report) at `newterm` and whenever it
/// measures the window again on its own, which it does at the first `doupdate` after an `endwin`: in
/// `init`, and on a resume after SIGTSTP. (A C probe: after `resize_term(30, 100)` in a 300x200
/// window, `endwin(); doupdate()` gave back 300x200 screens; with these set, the bounded size.) So
/// ncurses never allocates for the size a client claims. They are set before the session and put back
/// after it; resizes go through `resize_term` and leave them alone. (`use_env(false)` would keep
/// ncurses off the window's size too, but then it takes the terminfo entry's `lines`, which `linux`,
/// `alacritty` and others lack: `newterm` fails.)
private struct SizeEnvironment {
    private let saved: [(name: String, value: String?)]

    init(_ size: WindowSize?) {
        guard let size else {
            saved = []
            return
        }
        saved = ["LINES", "COLUMNS"].map { name in (name, getenv(name).map { String(cString: $0) }) }
        setenv("LINES", "\(size.rows)", 1)
        setenv("COLUMNS", "\(size.columns)", 1)
    }

    func restore() {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
}
