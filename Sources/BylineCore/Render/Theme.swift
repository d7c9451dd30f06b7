/// How semantic styles look: one table per theme. Colours come as 256-colour indices with a
/// 16-colour fallback; a sink that may not use colour uses only the attributes.
package struct Theme: Sendable {
    package var name: String
    package var glyphs: Glyphs
    /// The rules in order; later rules win where they set the same attribute.
    package var rules: [Rule]
    /// The rules to use without colour: a colour theme's attribute-only twin, so that nothing it
    /// told apart by colour alone (inline code, say) becomes indistinguishable.
    package var monochromeRules: [Rule]

    /// One row of a theme's table: the look of text that carries `style`.
    package struct Rule: Sendable {
        package var style: TextStyle
        package var foreground: TerminalColor?
        package var background: TerminalColor?
        package var bold: Bool?, dim: Bool?, italic: Bool?, underline: Bool?, reverse: Bool?, strikethrough: Bool?

        package init(_ style: TextStyle, fg: TerminalColor? = nil, bg: TerminalColor? = nil, bold: Bool? = nil, dim: Bool? = nil,
                    italic: Bool? = nil, underline: Bool? = nil, reverse: Bool? = nil, strikethrough: Bool? = nil) {
            self.style = style
            foreground = fg
            background = bg
            self.bold = bold
            self.dim = dim
            self.italic = italic
            self.underline = underline
            self.reverse = reverse
            self.strikethrough = strikethrough
        }
    }

    package init(name: String, glyphs: Glyphs, rules: [Rule], monochromeRules: [Rule]? = nil) {
        self.name = name
        self.glyphs = glyphs
        self.rules = rules
        self.monochromeRules = monochromeRules ?? rules
    }

    /// The combined look of a span's styles.
    package func attributes(for style: TextStyle) -> TextAttributes {
        var attributes = TextAttributes()
        guard !style.isEmpty else { return attributes }
        for rule in rules where !style.isDisjoint(with: rule.style) {
            if let color = rule.foreground { attributes.foreground = color }
            if let color = rule.background { attributes.background = color }
            if let flag = rule.bold { attributes.bold = flag }
            if let flag = rule.dim { attributes.dim = flag }
            if let flag = rule.italic { attributes.italic = flag }
            if let flag = rule.underline { attributes.underline = flag }
            if let flag = rule.reverse { attributes.reverse = flag }
            if let flag = rule.strikethrough { attributes.strikethrough = flag }
        }
        return attributes
    }

    /// The same theme without colours: what `NO_COLOR` and terminals without colour get.
    package var withoutColors: Theme {
        var theme = self
        theme.rules = monochromeRules.map { rule in
            var plain = rule
            plain.foreground = nil
            plain.background = nil
            return plain
        }
        return theme
    }

    /// The themes by name, for `--theme`.
    package static func named(_ name: String) -> Theme? {
        [dark, light, mono, ascii].first { $0.name == name.lowercased() }
    }

    package static let names = ["dark", "light", "mono", "ascii"]
}

/// A colour as a 256-colour index, with the nearest of the 16 basic colours for smaller terminals.
package struct TerminalColor: Hashable, Sendable {
    package var index256: UInt8
    package var index16: UInt8

    package init(_ index256: UInt8, basic index16: UInt8) {
        self.index256 = index256
        self.index16 = index16
    }
}

/// What a terminal cell looks like.
package struct TextAttributes: Hashable, Sendable {
    package var foreground: TerminalColor?
    package var background: TerminalColor?
    package var bold = false, dim = false, italic = false, underline = false, reverse = false, strikethrough = false

    package init() {}

    package var isPlain: Bool { self == TextAttributes() }
}
