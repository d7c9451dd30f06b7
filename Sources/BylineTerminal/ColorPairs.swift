/// A foreground and background as ncurses colour numbers (-1 is the terminal's default).
struct ColorPair: Hashable, Sendable {
    var foreground: Int32
    var background: Int32

    /// The terminal's own colours: keeps its background (and transparency) wherever the theme is silent.
    static let terminalDefault = ColorPair(foreground: -1, background: -1)
}

/// Colour pairs allocated on demand: ncurses has a fixed number (`COLOR_PAIRS`), and a theme uses a
/// few dozen combinations, so pairs are numbered as they are first needed and then reused.
/// Pure: the painter calls `init_extended_pair` when `number(for:)` reports a new pair.
struct ColorPairTable: Sendable {
    /// Pair numbers available: 1 ..< limit (pair 0 is fixed by ncurses). Capped at `Int16.max + 1`
    /// because `setcchar` takes the pair as a C `short`.
    let limit: Int
    /// What pair 0 shows: the terminal's default colours, or white on black without `use_default_colors`.
    let pairZero: ColorPair
    private(set) var numbers: [ColorPair: Int16] = [:]

    init(colorPairs: Int, pairZero: ColorPair = .terminalDefault) {
        limit = max(1, min(colorPairs, Int(Int16.max) + 1))
        self.pairZero = pairZero
    }

    /// The pair number for `pair`, and whether it is new (so the caller must define it first).
    /// When every pair is taken the answer is 0: the text keeps its attributes in default colours
    /// rather than redefining a pair that cells already on screen use.
    mutating func number(for pair: ColorPair) -> (number: Int16, isNew: Bool) {
        if pair == pairZero { return (0, false) }
        if let number = numbers[pair] { return (number, false) }
        let next = numbers.count + 1
        guard next < limit else { return (0, false) }
        let number = Int16(next)
        numbers[pair] = number
        return (number, true)
    }
}
