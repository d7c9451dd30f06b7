/// Reads one post file into a `Post`, collecting diagnostics instead of failing.
///
/// At start only a prefix is read: enough for the front matter and the first paragraph. `check` asks
/// for as much as is ever shown (`readLimit`) so that a bad byte anywhere in it is found.
package struct PostLoader: Sendable {
    /// Bytes read first; most front matter and a first paragraph fit.
    static let prefixSize = 4096
    /// Front matter longer than this is not a blog's: it is reported and not read, by `list`, `check`,
    /// `show` and the reader alike, and the post is listed without it.
    package static let frontMatterLimit = 1 << 20
    /// Body bytes wanted after the front matter for the title and summary fallbacks.
    static let bodyPeek = 2048
    let inspector: any BodyInspector
    /// Read and check files as far as they are shown (for `check`), not just their start, and report
    /// what only an author wants to hear of: posts without a date, empty posts.
    let readWholeFiles: Bool

    package init(inspector: any BodyInspector, readWholeFiles: Bool = false) {
        self.inspector = inspector
        self.readWholeFiles = readWholeFiles
    }

    /// The post in `candidate`, or nil when the file cannot be used at all; what was wrong; and the
    /// file's stamp as it was when opened (nil when it could not be): what a cache records, so that a
    /// file changed while it was being read is read again next time.
    /// `folders`, when given, keeps the folder of the previous file open for this one (see `PostFile.FolderCache`).
    package func load(_ candidate: PostFinder.Candidate, folders: PostFile.FolderCache? = nil)
        -> (post: Post?, diagnostics: [Diagnostic], stamp: FileStamp?) {
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ kind: Diagnostic.Kind, _ message: String, line: Int? = nil, column: Int? = nil) {
            diagnostics.append(Diagnostic(file: candidate.path, line: line, column: column, severity: severity, kind: kind, message: message))
        }

        var read: Read
        switch readPrefix(candidate.absolutePath, limit: readWholeFiles ? PostLoader.readLimit : PostLoader.prefixSize, folders: folders) {
        case let .success(first): read = first
        case let .failure(error): return (nil, [Diagnostic(file: candidate.path, severity: .error, kind: .unreadable, message: error.description)], nil)
        }
        let stamp = read.stamp
        var search = FrontMatterBlock.locate(in: read.text)
        // The front matter or the first paragraph may run past the prefix: read as far as needed.
        if read.truncated {
            var wanted: Int?
            switch search {
            case .unclosed: wanted = PostLoader.frontMatterLimit + PostLoader.bodyPeek
            case let .found(block) where block.bodyStart + PostLoader.bodyPeek > read.text.count:
                wanted = block.bodyStart + PostLoader.bodyPeek
            default: wanted = nil
            }
            if let wanted, wanted > read.rawCount, case let .success(longer) = readPrefix(candidate.absolutePath, limit: wanted, folders: folders) {
                read = longer
                search = FrontMatterBlock.locate(in: read.text)
            }
        }
        if let problem = read.problem {
            switch problem {
            case let .nulByte(line, column):
                report(.error, .unreadable, "contains a NUL byte, so it is not a text file; skipped", line: line, column: column)
                return (nil, diagnostics, stamp)
            case let .invalidUTF8(line, column):
                report(.warning, .encoding, "invalid UTF-8; bad bytes are shown as \u{FFFD}", line: line, column: column)
            }
        }

        var metadata = PostMetadata()
        var bodyStart = 0
        // Where the body was found: without one (front matter never closed, or over the limit) no title or
        // summary is taken from the text, which would be the front matter itself.
        var hasBody = true
        switch Self.classify(search, textCount: read.text.count, wholeFile: !read.truncated) {
        case .none:
            break
        case let .unclosed(format):
            hasBody = false
            let fence = format == .yaml ? "---" : "+++"
            report(.error, .frontMatter, "front matter opened with \(fence) is never closed by a \(fence) line", line: 1, column: 1)
        case let .tooLong(format):
            hasBody = false
            let fence = format == .yaml ? "---" : "+++"
            report(.error, .frontMatter, "front matter (from the \(fence) line) runs past \(Self.sizeText(Self.frontMatterLimit)), the limit; "
                   + "it is not read", line: 1, column: 1)
        case let .found(block):
            bodyStart = block.bodyStart
            let bodySize = read.size - (read.rawCount - (read.text.count - block.bodyStart))
            if bodySize > Self.bodyLimit {
                report(.warning, .size, "the body is \(Self.sizeText(bodySize)), more than \(Self.sizeText(Self.bodyLimit)), the limit; "
                       + "only its first \(Self.sizeText(Self.bodyLimit)) are shown, searched and checked", line: block.bodyFirstLine)
            }
            var warnings: [FrontMatterParser.Failure] = []
            switch FrontMatterParser.parse(read.text[block.text], format: block.format, firstLine: block.firstLine, warnings: &warnings) {
            case let .failure(failure):
                report(.error, .frontMatter, failure.message, line: failure.line, column: failure.column)
            case let .success(table):
                for warning in warnings { report(.warning, .repeatedKey, warning.message, line: warning.line, column: warning.column) }
                let (fields, problems) = PostMetadata.read(table)
                metadata = fields
                for problem in problems { report(.warning, problem.kind, problem.message, line: problem.line, column: problem.column) }
            }
        }

        // The start of the body is turned into text only when the front matter lacks a title or summary.
        let text = read.text
        var bodyText: String?
        func body() -> String {
            if let bodyText { return bodyText }
            guard hasBody else { return "" }
            let bytes = text[min(bodyStart, text.count)...].prefix(PostLoader.bodyPeek * 4)
            let made = String(decoding: SiteSyntax.prepare(bytes, mdx: SiteSyntax.isMDX(path: candidate.path)).bytes, as: UTF8.self)
            bodyText = made
            return made
        }
        let nameDate = PostDateParser.datePrefix(of: Substring(candidate.baseName))
        let nameSlug = nameDate.map { String($0.rest) } ?? candidate.baseName
        let slug = metadata.slug ?? (nameSlug.isEmpty ? candidate.baseName : nameSlug)
        let title = metadata.title ?? inspector.firstHeading(in: body()).flatMap(Self.oneLine) ?? slug
        let summary = Self.bounded(summary: metadata.summary.flatMap(Self.oneLine)
                                   ?? inspector.firstParagraph(in: body()).flatMap(Self.oneLine) ?? "")
        let date = metadata.date ?? nameDate?.date ?? Self.dateFromFolders(candidate.path)

        let tags = metadata.tags
        let draft = metadata.draft || candidate.inDrafts
        let bodyIsBlank = !read.truncated && text[min(bodyStart, text.count)...].allSatisfy(Self.isBlank)
        // A redirect key and nothing after the front matter: a stub that opens another post, not a post.
        let redirect = bodyIsBlank ? metadata.redirect : nil
        // For `check` (its author is asking): what a reader would miss. A draft gets its date when it is
        // published; a file with an error has that to fix first; a stub is not listed.
        let authorWarnings = readWholeFiles && redirect == nil && !diagnostics.contains { $0.severity == .error }
        if authorWarnings, date == nil, !draft {
            report(.warning, .undated, "no date in the front matter, the file name or its folders; listed after the dated posts")
        }
        if authorWarnings, hasBody, bodyIsBlank {
            report(.warning, .empty, "nothing after the front matter: the post is empty")
        }

        var post = Post(path: candidate.path, slug: slug, title: Self.oneLine(title) ?? slug, date: date, tags: tags,
                        summary: summary, draft: draft, fileSize: read.size, authors: metadata.authors,
                        language: metadata.language ?? candidate.language)
        post.aliases = metadata.aliases
        post.redirect = redirect
        return (post, diagnostics, stamp)
    }

    /// The post's body (everything after the front matter, up to `bodyLimit`) as clean text.
    package static func body(at absolutePath: String) -> Result<String, PostFile.ReadError> {
        bodyBytes(at: absolutePath).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same body as bytes (well-formed UTF-8, LF line ends), for a caller that only hands it on:
    /// making a String of a 1 MB body copies and checks it once more (a millisecond).
    package static func bodyBytes(at absolutePath: String) -> Result<ArraySlice<UInt8>, PostFile.ReadError> {
        limitedBody(at: absolutePath).map(\.bytes)
    }

    /// Each tag once, in its first spelling (`Go` and `go` are one tag). A post carries a few tags:
    /// they are compared pairwise rather than through a set built for every post.
    static func firstSpellings(_ tags: [String]) -> [String] {
        guard tags.count > 1 else { return tags }
        var kept: [String] = []
        if tags.count > 16 {
            var seen: Set<String> = []
            for tag in tags where seen.insert(TagName.key(tag)).inserted { kept.append(tag) }
            return kept
        }
        let keys = tags.map(TagName.key)
        for index in keys.indices where !keys[..<index].contains(keys[index]) { kept.append(tags[index]) }
        return kept
    }

    /// A date from `YYYY/MM/DD` folders in the path (`2024/04/09/slug.md`).
    static func dateFromFolders(_ path: String) -> PostDate? {
        dateFromComponents(path.split(separator: "/").dropLast())
    }

    /// A date in a URL path or slug written in the front matter, where Zola blogs moved from Jekyll keep
    /// it (`path = "2014/12/12/slug"`, `slug = "2014-12-12-slug"`): `YYYY/MM/DD` components, or a
    /// component that starts `YYYY-MM-DD`.
    static func dateInURLPath(_ path: String) -> PostDate? {
        let parts = path.split(separator: "/")
        return dateFromComponents(parts[...]) ?? parts.lazy.compactMap { PostDateParser.datePrefix(of: $0)?.date }.first
    }

    /// The first `YYYY`, `MM`, `DD` run of three components.
    private static func dateFromComponents(_ parts: ArraySlice<Substring>) -> PostDate? {
        guard parts.count >= 3 else { return nil }
        for start in parts.startIndex...(parts.endIndex - 3) {
            let (y, m, d) = (parts[start], parts[start + 1], parts[start + 2])
            guard y.count == 4, m.count == 2, d.count == 2, let date = PostDateParser.parse("\(y)-\(m)-\(d)") else { continue }
            return date
        }
        return nil
    }

    /// A space, tab or line end: what an empty body (a redirect stub's too) may hold.
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Blanks (newlines from folded YAML, tabs) collapsed into single spaces, as in a tag
    /// (`TagName.clean`); nil when nothing is left.
    static func oneLine(_ text: String) -> String? {
        let line = TagName.clean(text)
        return line.isEmpty ? nil : line
    }

    // MARK: Reading

    private struct Read {
        var text: [UInt8]
        /// Bytes read from the file, before cleaning.
        var rawCount: Int
        var size: Int
        var stamp: FileStamp
        var truncated: Bool
        var problem: PostText.Problem?
    }

    private func readPrefix(_ path: String, limit: Int, folders: PostFile.FolderCache?) -> Result<Read, PostFile.ReadError> {
        PostFile.read(path, limit: limit, folders: folders).map { bytes, size, stamp in
            let truncated = bytes.count < size
            let (text, problem) = PostText.clean(bytes, truncated: truncated)
            return Read(text: text, rawCount: bytes.count, size: size, stamp: stamp, truncated: truncated, problem: problem)
        }
    }
}
