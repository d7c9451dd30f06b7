import BylineCore

/// Colours fenced code blocks by the tables in `LanguageDefinition`. It is one forward pass over the
/// UTF-8 bytes, with no regular expressions and no recursion, so a post with a megabyte of code costs
/// milliseconds and no input can make it backtrack. The output is width-independent: lines are
/// wrapped, and tabs expanded, by the caller.
package enum CodeHighlighter {
    /// One array of spans per line of `code`. Concatenating a line's spans gives back the line exactly
    /// (tabs and any `\r` kept); every span's style contains `.codeBlock`, plus one token style where
    /// the language gives one. An empty line has no spans. Lines are split on `\n`; a trailing `\n`
    /// does not make an extra line, and empty code has no lines. Comments and strings that span lines
    /// carry their state from line to line. An unknown or missing language gives each line as one
    /// plain `.codeBlock` span.
    package static func highlight(_ code: String, language: String?) -> [[StyledSpan]] {
        var code = code
        code.makeContiguousUTF8()
        let compiled = language.flatMap(definition(for:))?.compiled
        if let lines = code.utf8.withContiguousStorageIfAvailable({ highlight($0, compiled) }) { return lines }
        return Array(code.utf8).withUnsafeBufferPointer { highlight($0, compiled) }
    }

    /// The definition for a fence's info string: `go`, `Go`, `go title="main.go"`, `{.python}`,
    /// `rust,ignore`. Nil for languages we do not colour.
    package static func definition(for language: String) -> LanguageDefinition? {
        definitionsByName[languageName(fromInfoString: language)]
    }

    /// The language word of an info string, lower-cased: the first word, without Pandoc's braces and
    /// dot, rustdoc's `,attributes` or an HTML `language-` class prefix.
    static func languageName(fromInfoString info: String) -> String {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        var name = word.prefix { $0 != "," }.drop { $0 == "{" || $0 == "." }
        while name.last == "}" { name = name.dropLast() }
        let lowered = name.lowercased()
        return lowered.hasPrefix("language-") ? String(lowered.dropFirst("language-".count)) : lowered
    }

    /// Every built-in language under each of its names. Built once; a name listed twice stops the
    /// program at start-up (and in the tests) rather than letting one language silently shadow another.
    private static let definitionsByName: [String: LanguageDefinition] = Dictionary(
        uniqueKeysWithValues: LanguageDefinition.builtIn.flatMap { definition in definition.names.map { ($0, definition) } }
    )

    private static func highlight(_ bytes: UnsafeBufferPointer<UInt8>, _ language: CompiledLanguage?) -> [[StyledSpan]] {
        var lines: [[StyledSpan]] = []
        var scanner = LineScanner(language: language ?? CompiledLanguage(), bytes: bytes)
        var plain = TokenRun()
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if language == nil {
                plain.reset(at: lineStart)
                plain.finish(at: lineEnd)
                lines.append(SpanAssembler.spans(of: &plain, in: bytes))
            } else {
                scanner.scanLine(from: lineStart, to: lineEnd)
                lines.append(SpanAssembler.spans(of: &scanner.tokens, in: bytes))
            }
            lineStart = lineEnd + 1
        }
        return lines
    }
}
