import BylineCore

/// A `LanguageDefinition` turned into byte tables, so the scanner's inner loop is one table lookup
/// per plain byte and never touches `String` or `Character`.
struct CompiledLanguage: Sendable {
    /// What each byte value may begin or continue; see `ByteClass`.
    private(set) var byteClass = [UInt8](repeating: 0, count: 256)
    private(set) var keywords = WordSet([])
    private(set) var types = WordSet([])
    private(set) var capitalizedWordsAreTypes = false
    private(set) var lineComments: [[UInt8]] = []
    private(set) var lineCommentsNeedSpaceBefore = false
    /// Empty when the language has no block comment.
    private(set) var blockOpen: [UInt8] = []
    private(set) var blockClose: [UInt8] = []
    private(set) var blockNests = false
    private(set) var strings: [CompiledString] = []
    private(set) var stringPrefixes = WordSet([])
    private(set) var stringsNeedWordBoundary = false
    private(set) var stringKeys = false
    private(set) var hashPrefixes = WordSet([])
    private(set) var bareHashStrings = false
    private(set) var numbers: LanguageDefinition.NumberSyntax?
    private(set) var sigils: [CompiledSigil] = []
    private(set) var keys: CompiledKeys?
    private(set) var sectionHeaders = false
    private(set) var lineStyles: [(prefix: [UInt8], style: TextStyle)] = []

    /// Knows nothing: what code in a language without a definition is scanned with.
    init() {}

    init(_ definition: LanguageDefinition) {
        let anyCase = definition.caseInsensitiveWords
        keywords = WordSet(definition.keywords, caseInsensitive: anyCase)
        types = WordSet(definition.types, caseInsensitive: anyCase)
        capitalizedWordsAreTypes = definition.capitalizedWordsAreTypes
        lineComments = definition.lineComments.map(Self.ascii)
        lineCommentsNeedSpaceBefore = definition.lineCommentsNeedSpaceBefore
        blockOpen = definition.blockComment.map { Self.ascii($0.open) } ?? []
        blockClose = definition.blockComment.map { Self.ascii($0.close) } ?? []
        blockNests = definition.blockComment?.nests ?? false
        // Longest opener first: `"""` must be tried before `"`, `'''` before `'`.
        strings = definition.strings.enumerated()
            .sorted { ($0.element.open.utf8.count, -$0.offset) > ($1.element.open.utf8.count, -$1.offset) }
            .map { CompiledString($0.element) }
        stringPrefixes = WordSet(definition.stringPrefixes, caseInsensitive: true)
        stringsNeedWordBoundary = definition.stringsNeedWordBoundary
        stringKeys = definition.stringKeys
        hashPrefixes = WordSet(definition.hashStrings?.prefixes ?? [])
        bareHashStrings = definition.hashStrings?.bare ?? false
        numbers = definition.numbers
        sigils = definition.sigils.map(CompiledSigil.init)
        keys = definition.keys.map(CompiledKeys.init)
        sectionHeaders = definition.sectionHeaders
        lineStyles = definition.lineStyles.map { (Self.ascii($0.prefix), $0.style) }

        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<256 {
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            // Every byte of a non-ASCII character is part of a word: names may be written in any script,
            // and it keeps a multi-byte character in one piece.
            if isLetter || byte == 0x5F || byte >= 0x80 { table[byte] |= ByteClass.wordStart | ByteClass.wordPart }
            if byte >= 0x30 && byte <= 0x39 { table[byte] |= ByteClass.digit | ByteClass.wordPart }
        }
        for byte in Self.ascii(definition.identifierStarts) { table[Int(byte)] |= ByteClass.wordStart | ByteClass.wordPart }
        for byte in Self.ascii(definition.identifierCharacters) { table[Int(byte)] |= ByteClass.wordPart }
        var openers = lineComments.map { $0[0] } + strings.map { $0.open[0] } + sigils.map(\.prefix)
        if let first = blockOpen.first { openers.append(first) }
        if bareHashStrings { openers.append(UInt8(ascii: "#")) }
        for byte in openers { table[Int(byte)] |= ByteClass.opener }
        if definition.numbers?.floats == true { table[Int(UInt8(ascii: "."))] |= ByteClass.fraction }
        byteClass = table
    }

    static func ascii(_ text: String) -> [UInt8] {
        precondition(text.utf8.allSatisfy { $0 < 0x80 }, "highlighter delimiters are ASCII: \(text)")
        return Array(text.utf8)
    }

    static func ascii(_ character: Character) -> UInt8 {
        guard let byte = character.asciiValue else { preconditionFailure("highlighter delimiters are ASCII: \(character)") }
        return byte
    }
}

/// Bits of `CompiledLanguage.byteClass`. A byte with no bits is plain and skipped at once.
enum ByteClass {
    /// May start a name or keyword.
    static let wordStart: UInt8 = 1
    /// May continue one.
    static let wordPart: UInt8 = 2
    static let digit: UInt8 = 4
    /// First byte of a comment, string or sigil opener: worth a closer look.
    static let opener: UInt8 = 8
    /// A `.` that may start a float like `.5`, in languages with floats.
    static let fraction: UInt8 = 16
}

/// A `StringSyntax` as bytes. `escape` is -1 for raw strings so the comparison stays on `Int`.
struct CompiledString: Sendable {
    let open: [UInt8]
    let close: [UInt8]
    let escape: Int
    let multiline: Bool
    let isCharacter: Bool

    init(_ syntax: LanguageDefinition.StringSyntax) {
        open = CompiledLanguage.ascii(syntax.open)
        close = CompiledLanguage.ascii(syntax.close)
        escape = syntax.escape.map { Int(CompiledLanguage.ascii($0)) } ?? -1
        multiline = syntax.multiline
        isCharacter = syntax.isCharacter
        precondition(!open.isEmpty && !close.isEmpty, "strings need delimiters")
    }
}

/// A `Sigil` as bytes.
struct CompiledSigil: Sendable {
    let prefix: UInt8
    let style: TextStyle
    let brackets: [(open: UInt8, close: UInt8)]
    let specialNames: [UInt8]

    init(_ sigil: LanguageDefinition.Sigil) {
        prefix = CompiledLanguage.ascii(sigil.prefix)
        style = sigil.style
        brackets = sigil.brackets.map {
            let pair = CompiledLanguage.ascii($0)
            precondition(pair.count == 2, "a bracket is an open and a close character: \($0)")
            return (pair[0], pair[1])
        }
        specialNames = CompiledLanguage.ascii(sigil.specialNames)
    }
}

/// A `KeySyntax` as bytes, with its forbidden characters as a 256-entry table.
struct CompiledKeys: Sendable {
    let separator: UInt8
    let needsSpaceAfter: Bool
    let allowsIndent: Bool
    let skipsListMarkers: Bool
    let forbidden: [Bool]

    init(_ keys: LanguageDefinition.KeySyntax) {
        separator = CompiledLanguage.ascii(keys.separator)
        needsSpaceAfter = keys.needsSpaceAfter
        allowsIndent = keys.allowsIndent
        skipsListMarkers = keys.skipsListMarkers
        var table = [Bool](repeating: false, count: 256)
        for byte in CompiledLanguage.ascii(keys.forbidden) { table[Int(byte)] = true }
        forbidden = table
    }
}
