/// A key as the user pressed it, decoded by the terminal backend. The keymap turns keys into actions.
package enum Key: Hashable, Sendable {
    /// A printable character (`j`, `/`, `日`).
    case character(Character)
    /// Ctrl with a letter: `.control("c")` is Ctrl-C.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A function key, F1 to F12.
    case function(Int)
    /// Text pasted as one piece (a terminal's bracketed paste, `ESC [ 200 ~` ... `ESC [ 201 ~`): text for
    /// a prompt, never a run of commands, and one edit however long.
    case paste(String)
    /// A mouse button, release or wheel turn at a cell (SGR mouse mode, DEC 1006): never bound in the
    /// table; `Action.mouse` hands it to the pane or reader under it.
    case mouse(MouseEvent)

    /// How the key is written in help and hints: `j`, `Ctrl-d`, `PgDn`, `Space`.
    package var label: String {
        switch self {
        case let .character(character): return character == " " ? "Space" : String(character)
        case let .control(letter): return "Ctrl-" + String(letter)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case let .function(number): return "F\(number)"
        case .paste: return "Paste"
        case .mouse: return "Mouse"
        }
    }
}

/// What the mouse did, and where: 0-based cell coordinates of the whole screen.
package struct MouseEvent: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// A button went down: 0 left, 1 middle, 2 right.
        case press(button: Int)
        /// A button came up.
        case release
        /// The wheel turned towards the reader (up) or away (down).
        case wheelUp, wheelDown
    }

    package var kind: Kind
    package var row: Int
    package var column: Int

    package init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}
