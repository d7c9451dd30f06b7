import BylineCore
@preconcurrency import CNcursesw

/// Turns the stream of values `wget_wch` hands over into keys, joining a bracketed paste
/// (`ESC [ 200 ~` text `ESC [ 201 ~`, DEC mode 2004) into one `Key.paste`, so that pasted letters are
/// never taken for commands. ncurses knows no key for those markers (terminfo has them only as the
/// strings `PS`/`PE`, not as key capabilities): it gives them back as Escape and five characters,
/// which this joins again. SGR mouse reports (`ESC [ < b ; x ; y M`, DEC 1006, which ncurses gives
/// back as characters, or as `KEY_MOUSE` and characters where terminfo's `kmous` is `\E[<`) become
/// `Key.mouse` (`MouseReport`, bounded; a broken report is dropped, never typed). Everything else goes
/// through `KeyDecoder`, one value at a time.
///
/// Pure: the terminal feeds it values and says when a wait it asked for ended with nothing
/// (`pause`), so every sequence is tested without a terminal. Bounded: a paste keeps at most
/// `maximumPasteBytes` of text and ends after `maximumPasteLength` values or `pasteQuietMilliseconds`
/// of silence even if its end marker never comes, so a visitor can neither make byline buffer
/// without bound nor have every later key swallowed into a paste that never ends.
package struct InputDecoder {
    /// Text kept from one paste, in UTF-8 bytes: far more than any prompt takes (the core keeps
    /// `AppState.maximumPromptLength` characters), small enough to hold without thought. The rest of
    /// the paste is read and dropped.
    package static let maximumPasteBytes = 64 * 1024
    /// Values read in one paste, kept or dropped, before it ends even without its end marker: a stream
    /// that never ends and never pauses is then read as keys again, and the runtime, which waits for
    /// the paste's one key, draws again. ncurses reads a byte per system call: a 1 MiB paste cost
    /// 3.6 s of CPU (4 MiB: 15 s; debug build, two busy cores), most of it in the kernel's tty reads
    /// and polls; no prompt takes a thousandth of it.
    package static let maximumPasteLength = 1024 * 1024
    /// Silence that ends a paste whose end marker has not come: a terminal sends a paste in one go,
    /// so a second with nothing means the marker was lost or never sent (a visitor's hand-typed
    /// `ESC [ 200 ~`), and the keys after it are keys again.
    package static let pasteQuietMilliseconds = 1000

    /// One value from `wget_wch`.
    package enum Input: Equatable, Sendable {
        /// It returned `OK`: a character (a Unicode scalar value, or something ncurses could not decode).
        case character(UInt32)
        /// It returned `KEY_CODE_YES`: a key code such as `KEY_UP`.
        case keyCode(Int32)
    }

    /// What the decoder holds on to, which decides how long the terminal waits for the next value.
    package enum Holding: Equatable, Sendable {
        /// Nothing: wait as long as the runtime asked.
        case nothing
        /// A lone Escape. ncurses has already waited its escape delay for what follows, and keeps
        /// what arrived: ask again without waiting, and if nothing is there it was the Escape key.
        case escape
        /// Escape and the start of a paste marker: the rest comes in the same write, within the escape delay.
        case sequence
        /// Inside a paste: wait up to `pasteQuietMilliseconds` for more of it.
        case paste
    }

    private static let escape: UInt32 = 27
    private static let startMarker: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x30, 0x7E]  // ESC [ 2 0 0 ~
    private static let endMarker: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~

    private struct Paste {
        var text = String.UnicodeScalarView()
        var bytes = 0
        /// Set once something did not fit: the text is cut there, with no holes after it.
        var full = false
        var read = 0
    }

    /// `ESC [ <`, the start of an SGR mouse report (`MouseReport`).
    private static let mouseStart: [UInt32] = [27, 0x5B, 0x3C]

    /// Values since an Escape, while they may still be a paste marker (inside a paste, its end marker).
    private var held: [UInt32] = []
    /// The mouse report being read, after its `ESC [ <`.
    private var mouse: MouseReport?
    /// Values of an X10 mouse report (`ESC [ M` and three bytes) still to drop.
    private var mouseBytesToDrop = 0
    /// Whether ncurses' `KEY_MOUSE` stands for `ESC [ M` (terminfo's `kmous`, tmux-256color's) rather
    /// than `ESC [ <` (xterm-256color's): then its three bytes that follow are dropped, never read as
    /// keys (a terminal without SGR mouse mode would send them; a click must not type a `q`).
    package var mouseKeyIsX10 = false
    private var paste: Paste?
    /// Keys decoded and not yet taken, oldest first; a few at most (a broken marker gives back six).
    private var ready: [Key] = []

    package init() {}

    /// What the decoder holds on to now.
    package var holding: Holding {
        if paste != nil { return .paste }
        if mouse != nil || mouseBytesToDrop > 0 { return .sequence }
        if held.isEmpty { return .nothing }
        return held.count == 1 ? .escape : .sequence
    }

    /// Whether a decoded key waits to be taken.
    package var hasKey: Bool { !ready.isEmpty }

    /// Takes the oldest decoded key.
    package mutating func takeKey() -> Key? {
        ready.isEmpty ? nil : ready.removeFirst()
    }

    /// Reads one value.
    package mutating func feed(_ input: Input) {
        if paste != nil { return feedPaste(input) }
        if mouse != nil || mouseBytesToDrop > 0 {
            guard case let .character(value) = input else {
                mouse = nil
                mouseBytesToDrop = 0
                return feed(input)
            }
            return feedMouse(value)
        }
        switch input {
        case .keyCode(KEY_MOUSE):
            releaseHeld()
            if mouseKeyIsX10 { mouseBytesToDrop = 3 } else { mouse = MouseReport() }
        case let .keyCode(code):
            releaseHeld()
            emit(KeyDecoder.decode(UInt32(bitPattern: code), isFunctionKey: true))
        case let .character(value):
            feedCharacter(value)
        }
    }

    private mutating func feedCharacter(_ value: UInt32) {
        guard !held.isEmpty || value == Self.escape else {
            return paste != nil ? append(value) : emit(KeyDecoder.decode(value, isFunctionKey: false))
        }
        held.append(value)
        if held == Self.mouseStart, paste == nil {
            held = []
            mouse = MouseReport()
        } else if held == Self.startMarker, paste == nil {
            held = []
            paste = Paste()
        } else if held == Self.endMarker {
            held = []
            // Outside a paste, the end of one already ended by a limit: nothing to type.
            if paste != nil { endPaste() }
        } else if paste != nil || !Self.startMarker.starts(with: held), !Self.endMarker.starts(with: held),
                  !Self.mouseStart.starts(with: held) {
            held.removeLast()
            releaseHeld()
            feedCharacter(value)  // on its own: it may be an Escape that starts a marker
        }
    }

    /// The wait that `holding` asked for ended with nothing: a lone Escape is the Escape key, a broken
    /// marker is the keys it was made of, and a paste without its end marker ends here.
    package mutating func pause() {
        if paste != nil { return endPaste() }
        // A mouse report cut short is dropped: its pieces are no keys.
        mouse = nil
        mouseBytesToDrop = 0
        releaseHeld()
    }

    /// One value of a mouse report: its event once whole; a value that cannot be part of it ends it
    /// (dropped) and is read as what it is.
    private mutating func feedMouse(_ value: UInt32) {
        if mouseBytesToDrop > 0 {
            mouseBytesToDrop -= 1
            return
        }
        switch mouse!.feed(value) {
        case .more: return
        case let .done(event):
            mouse = nil
            if let event { ready.append(.mouse(event)) }
        case .garbage:
            mouse = nil
        case .notPart:
            mouse = nil
            feedCharacter(value)
        }
    }

    private mutating func feedPaste(_ input: Input) {
        paste!.read += 1
        if paste!.read > Self.maximumPasteLength {
            endPaste()
            return feed(input)
        }
        // A key code is an escape sequence inside the pasted text that ncurses took for a key: not text.
        guard case let .character(value) = input else { return releaseHeld() }
        feedCharacter(value)
    }

    /// Adds one value to the paste's text: printable characters, tabs and line ends, up to
    /// `maximumPasteBytes` (cut at the first character that does not fit). Controls (Escape included) and values that are no Unicode scalar (what
    /// ncurses makes of invalid UTF-8) are dropped; the core takes no control characters as text.
    private mutating func append(_ value: UInt32) {
        switch value {
        case 9, 10, 13: break
        case 0..<0x20, 0x7F...0x9F: return
        default: break
        }
        guard !paste!.full, let scalar = Unicode.Scalar(value) else { return }
        let size = UTF8.width(scalar)
        guard paste!.bytes + size <= Self.maximumPasteBytes else {
            paste!.full = true
            return
        }
        paste!.bytes += size
        paste!.text.append(scalar)
    }

    private mutating func endPaste() {
        releaseHeld()
        let text = String(paste!.text)
        paste = nil
        if !text.isEmpty { ready.append(.paste(text)) }
    }

    /// Values held after an Escape that turned out to be no marker: the keys they were, or inside a
    /// paste, its text (the Escape is dropped).
    private mutating func releaseHeld() {
        let values = held
        held = []
        for value in values {
            if paste != nil { append(value) } else { emit(KeyDecoder.decode(value, isFunctionKey: false)) }
        }
    }

    private mutating func emit(_ key: Key?) {
        if let key { ready.append(key) }
    }
}
