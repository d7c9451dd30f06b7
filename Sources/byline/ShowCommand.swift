#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BylineCore
import BylineMarkdown

/// `byline show`: one post, rendered: its header (title, date, tags, reading time) above its body.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one post, rendered, found by slug or by path.",
        discussion: """
        Colour is used when standard output is a terminal and NO_COLOR is not set (then bold, italic and \
        underline are still used); piped output is plain text. --color always and never override both. \
        Links are OSC 8 hyperlinks in ANSI output only: --hyperlinks auto (the default) writes them to a \
        terminal known to show them, never into a pipe; always writes them whenever colour is used.
        """
    )

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: ArgumentHelp("The post's slug, or its path (relative to PATH, or a file inside it).", valueName: "SLUG-OR-PATH"))
    var post: String

    @OptionGroup var folder: FolderOptions

    /// Columns `--width` accepts: narrower leaves no room for a word, wider than any screen the core lays out.
    static let widthRange = 10...ScreenLimits.maximumWidth

    // Taken unconditionally and as any whole number, so that `-5`, `0` and 10^30 get the range's message
    // rather than "Missing value" (a value starting with `-` looked like an option) or "invalid".
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Columns to wrap to, \(widthRange.lowerBound) to \(widthRange.upperBound) (default: the terminal's width, else $COLUMNS, else 80).",
                               valueName: "N"),
            transform: ShowCommand.columns)
    var width: Int? = nil

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Theme: \(Theme.names.joined(separator: ", ")).", valueName: "NAME"))
    var theme: String = "dark"

    @Option(help: HyperlinkChoice.help)
    var hyperlinks: HyperlinkChoice = .auto

    /// Bytes of text laid out before they are written: a part's text, its runs and its output stay in
    /// the cache, and a long post's lines are never in memory whole. Parts end between top-level blocks.
    static let partBytes = 64 * 1024

    func validate() throws {
        if let width, !Self.widthRange.contains(width) {
            throw ValidationError("--width must be between \(Self.widthRange.lowerBound) and \(Self.widthRange.upperBound) columns")
        }
        if Theme.named(theme) == nil { throw ValidationError("unknown theme \"\(theme)\" (\(Theme.names.joined(separator: ", ")))") }
    }

    /// A `--width` value as a whole number, optionally signed; one too long for an `Int` is as far out
    /// of range as `Int.max`.
    static func columns(_ text: String) throws -> Int {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw ValidationError("not a whole number")
        }
        let value = Int(digits) ?? Int.max
        return negative ? -value : value
    }

    func run() throws {
        // A post is found among drafts too: naming it is asking for it.
        let store = try folder.loadStore(includeDrafts: true)
        let number: Int
        switch store.lookup(post, preferring: LanguageTag.ofLocale(Environment.value)) {
        case let .post(found): number = found
        case .none:
            throw Console.failure("no post \"\(post)\" in \(folder.resolvedPath) (see `byline list \(folder.resolvedPath)`)")
        case let .several(numbers):
            // Translations share a slug, and none is in the reader's language: each is named by its path.
            Console.error("\(numbers.count) posts answer to \"\(post)\" in \(folder.resolvedPath); name one by its path:")
            FileHandleOut.standardError.write(numbers.map { number in
                let found = store.posts[number]
                return "  " + [found.path, found.language ?? "-", found.title].map(VisibleText.escapeLine).joined(separator: "  ") + "\n"
            }.joined())
            throw ExitCode(2)
        }
        let body: PostLoader.Body
        switch store.limitedBody(of: number) {
        case let .success(limited): body = limited
        case let .failure(error):
            throw Console.failure("\(store.posts[number].path): \(error.description)")
        }
        let chosen = Theme.named(theme) ?? .dark
        let columns = width ?? TerminalWidth.ofStandardOutput() ?? TerminalWidth.fromEnvironment() ?? 80
        let loaded = LoadedPost(body)

        let useANSI: Bool
        switch color {
        case .always: useANSI = true
        case .never: useANSI = false
        case .auto: useANSI = Console.outputIsTerminal
        }
        let noColor = !useANSI || color == .auto && !(Environment.value("NO_COLOR") ?? "").isEmpty
        let depth = noColor ? ANSIText.ColorDepth.none : TerminalWidth.colorDepth()
        // Only in ANSI output; `auto` only to a terminal known to show them (never into a pipe).
        let linked = useANSI && hyperlinks.isOn(toTerminal: Console.outputIsTerminal)
        // Laid out by the layout the preview and the reader use, into flat buffers (no `StyledLine` per
        // line), a part at a time, each written out before the next is laid out.
        PreviewContent.write(store.posts[number], loaded, width: columns, glyphs: chosen.glyphs, partBytes: Self.partBytes) { part in
            if useANSI {
                ANSIText.write(part, theme: chosen, colors: depth, hyperlinks: linked) { FileHandleOut.standardOutput.write(buffer: $0) }
            } else {
                Console.out(bytes: PlainText.bytes(part))
            }
        }
        // Everything is written (with write(2): no stdio buffer holds any of it): leave without freeing
        // a large post's parsed document (kept alive to here for that reason) node by node, and
        // without the exit handlers the runtime and its libraries run (2 ms for the 1 MB post).
        withExtendedLifetime(loaded) { Glibc._exit(0) }
    }
}
