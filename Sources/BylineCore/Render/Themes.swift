/// The built-in themes, one table each.
extension Theme {
    /// Attributes only: readable on any terminal, and what `NO_COLOR` means.
    package static let mono = Theme(name: "mono", glyphs: .unicode, rules: monoRules)

    /// `mono` drawn with ASCII only, for terminals and fonts without box drawing.
    package static let ascii = Theme(name: "ascii", glyphs: .ascii, rules: monoRules)

    static let monoRules: [Rule] = [
        Rule([.meta, .marker, .rule, .headingRule, .reference, .template, .comment, .continuation], dim: true),
        Rule(.quote, italic: true),
        Rule([.heading1, .heading2, .heading3, .heading4, .tableHeader, .title, .keyword], bold: true),
        Rule(.heading1, underline: true),
        Rule(.heading4, italic: true),
        Rule(.headingRule, bold: false, italic: false, underline: false),
        Rule([.emphasis, .image], italic: true),
        Rule(.strong, bold: true),
        Rule(.strikethrough, strikethrough: true),
        Rule(.code, reverse: true),
        Rule(.link, underline: true),
        Rule(.escaped, reverse: true),
        Rule(.match, reverse: true),
        // The current match: bold and underlined too, told apart from the others without colour.
        Rule(.currentMatch, bold: true, underline: true),
        Rule(.selection, bold: true, reverse: true),
        Rule(.currentLink, bold: true, underline: true, reverse: true),
    ]

    /// For dark backgrounds.
    package static let dark = Theme(name: "dark", glyphs: .unicode, monochromeRules: monoRules, colorRules: [
        Rule(.codeBlock, fg: TerminalColor(252, basic: 7), bg: TerminalColor(236, basic: 0)),
        Rule(.code, fg: TerminalColor(215, basic: 11), bg: TerminalColor(236, basic: 0), reverse: false),
        Rule(.heading1, fg: TerminalColor(75, basic: 12)),
        Rule(.heading2, fg: TerminalColor(117, basic: 14)),
        Rule(.heading3, fg: TerminalColor(153, basic: 6)),
        Rule(.heading4, fg: TerminalColor(189, basic: 7)),
        Rule([.headingRule, .rule, .marker], fg: TerminalColor(242, basic: 8), dim: false),
        Rule(.quote, fg: TerminalColor(250, basic: 7)),
        Rule([.meta, .reference, .continuation], fg: TerminalColor(244, basic: 8), dim: false),
        Rule(.template, fg: TerminalColor(242, basic: 8)),
        Rule(.tableHeader, fg: TerminalColor(153, basic: 14)),
        Rule(.keyword, fg: TerminalColor(204, basic: 13)),
        Rule(.type, fg: TerminalColor(81, basic: 14)),
        Rule(.string, fg: TerminalColor(114, basic: 10)),
        Rule(.number, fg: TerminalColor(180, basic: 11)),
        Rule(.comment, fg: TerminalColor(244, basic: 8), dim: false, italic: true),
        Rule(.diffAdded, fg: TerminalColor(114, basic: 10)),
        Rule(.diffRemoved, fg: TerminalColor(203, basic: 9)),
        Rule(.diffMeta, fg: TerminalColor(75, basic: 12)),
        Rule(.link, fg: TerminalColor(39, basic: 12)),
        Rule(.image, fg: TerminalColor(141, basic: 13)),
        Rule(.tag, fg: TerminalColor(179, basic: 3)),
        Rule(.escaped, fg: TerminalColor(203, basic: 9), reverse: false),
        Rule(.match, fg: TerminalColor(16, basic: 0), bg: TerminalColor(220, basic: 11), reverse: false),
        Rule(.currentMatch, fg: TerminalColor(16, basic: 0), bg: TerminalColor(208, basic: 9)),
        Rule(.selection, reverse: true),
        Rule(.currentLink, reverse: true),
    ])

    /// For light backgrounds.
    package static let light = Theme(name: "light", glyphs: .unicode, monochromeRules: monoRules, colorRules: [
        Rule(.codeBlock, fg: TerminalColor(235, basic: 0), bg: TerminalColor(254, basic: 7)),
        Rule(.code, fg: TerminalColor(130, basic: 3), bg: TerminalColor(254, basic: 7), reverse: false),
        Rule(.heading1, fg: TerminalColor(25, basic: 4)),
        Rule(.heading2, fg: TerminalColor(30, basic: 6)),
        Rule(.heading3, fg: TerminalColor(24, basic: 4)),
        Rule(.heading4, fg: TerminalColor(238, basic: 0)),
        Rule([.headingRule, .rule, .marker], fg: TerminalColor(247, basic: 8), dim: false),
        Rule(.quote, fg: TerminalColor(240, basic: 8)),
        Rule([.meta, .reference, .continuation], fg: TerminalColor(244, basic: 8), dim: false),
        Rule(.template, fg: TerminalColor(246, basic: 8)),
        Rule(.tableHeader, fg: TerminalColor(24, basic: 4)),
        Rule(.keyword, fg: TerminalColor(161, basic: 5)),
        Rule(.type, fg: TerminalColor(31, basic: 6)),
        Rule(.string, fg: TerminalColor(28, basic: 2)),
        Rule(.number, fg: TerminalColor(94, basic: 3)),
        Rule(.comment, fg: TerminalColor(245, basic: 8), dim: false, italic: true),
        Rule(.diffAdded, fg: TerminalColor(28, basic: 2)),
        Rule(.diffRemoved, fg: TerminalColor(160, basic: 1)),
        Rule(.diffMeta, fg: TerminalColor(25, basic: 4)),
        Rule(.link, fg: TerminalColor(26, basic: 4)),
        Rule(.image, fg: TerminalColor(91, basic: 5)),
        Rule(.tag, fg: TerminalColor(130, basic: 3)),
        Rule(.escaped, fg: TerminalColor(160, basic: 1), reverse: false),
        Rule(.match, fg: TerminalColor(16, basic: 0), bg: TerminalColor(228, basic: 11), reverse: false),
        Rule(.currentMatch, fg: TerminalColor(16, basic: 0), bg: TerminalColor(214, basic: 9)),
        Rule(.selection, reverse: true),
        Rule(.currentLink, reverse: true),
    ])
}

extension Theme {
    /// A colour theme: its attribute rules, then its colours.
    init(name: String, glyphs: Glyphs, monochromeRules: [Rule], colorRules: [Rule]) {
        self.init(name: name, glyphs: glyphs, rules: monochromeRules + colorRules, monochromeRules: monochromeRules)
    }
}
