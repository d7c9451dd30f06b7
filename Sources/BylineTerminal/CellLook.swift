import BylineCore

/// How one style is drawn on this terminal: video attributes and a colour pair. Pure, so the
/// mapping for 256, 16, 8 and no colours is tested without a terminal.
struct CellLook: Hashable, Sendable {
    /// The video attributes, independent of ncurses' bit layout (the painter converts).
    struct Attributes: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let bold = Attributes(rawValue: 1 << 0)
        static let dim = Attributes(rawValue: 1 << 1)
        static let italic = Attributes(rawValue: 1 << 2)
        static let underline = Attributes(rawValue: 1 << 3)
        static let reverse = Attributes(rawValue: 1 << 4)
    }

    var attributes: Attributes
    /// nil when the terminal shows no colour: the cell uses pair 0.
    var colors: ColorPair?

    /// The look of `text` on a terminal in `mode`.
    /// - `italicAvailable`: whether the terminal can show italic (`sitm`); without it italic is
    ///   dropped rather than left to ncurses, which may fall back to something louder.
    /// - `defaultColors`: what -1 means; when `use_default_colors` failed, pass the pair-0 colours.
    static func make(_ text: TextAttributes, mode: ColorMode, italicAvailable: Bool,
                     defaultColors: ColorPair = .terminalDefault) -> CellLook {
        var attributes: Attributes = []
        if text.bold { attributes.insert(.bold) }
        if text.dim { attributes.insert(.dim) }
        if text.italic, italicAvailable { attributes.insert(.italic) }
        if text.underline { attributes.insert(.underline) }
        if text.reverse { attributes.insert(.reverse) }
        // Strikethrough: ncurses has no attribute for it. Underline would read as a link, and a
        // raw SGR 9 would desynchronise ncurses' idea of the screen, so struck text is drawn dim:
        // still set apart, still readable.
        if text.strikethrough { attributes.insert(.dim) }

        guard var foreground = mode.number(for: text.foreground),
              var background = mode.number(for: text.background) else {
            return CellLook(attributes: attributes, colors: nil)
        }
        if mode.needsBoldForBright(text.foreground) { attributes.insert(.bold) }
        if foreground == -1 { foreground = defaultColors.foreground }
        if background == -1 { background = defaultColors.background }
        return CellLook(attributes: attributes, colors: ColorPair(foreground: foreground, background: background))
    }
}
