/// Site-generator syntax in a post's body (Jekyll's Liquid, Hugo and Zola shortcodes, MDX), turned into
/// the markdown it stands for before cmark reads the body: cmark would make `#` comments in a
/// `{% highlight ruby %}` block into headings, and a link whose target holds `{{< ref "x" >}}` into
/// loose brackets.
///
/// One pass over the lines, linear in the body: fenced code is passed over as written, each line
/// becomes exactly one line (so `check`'s line numbers stay right), and only template delimiters are
/// recognised, never markdown. A body without `{` (or, in MDX, `<`) is returned as it is.
package enum SiteSyntax {
    /// The body as cmark should read it, and the shortcodes byline does not know, by line of the body.
    package struct Prepared {
        package var bytes: ArraySlice<UInt8>
        package var unknownShortcodes: [(line: Int, name: String)] = []
    }

    /// Around a JSX element's `[Name]`: the renderer dims what is between them and drops them.
    package static let placeholderStart: Unicode.Scalar = "\u{FFF9}"
    package static let placeholderEnd: Unicode.Scalar = "\u{FFFB}"

    /// MDX rules (imports, exports, JSX, `{/* */}`) apply to `.mdx` files and to the `.md` of Astro's
    /// content collections (`src/content/`, relative to the posts folder), which Astro's MDX
    /// integration reads the same way. (An Eleventy folder cannot be told from a plain one by its paths.)
    package static func isMDX(path: String) -> Bool {
        path.hasSuffix(".mdx") || path.hasPrefix("src/content/") || path.contains("/src/content/")
    }

    package static func prepare(_ body: String, mdx: Bool) -> String {
        let bytes = Array(body.utf8)
        let prepared = prepare(bytes[...], mdx: mdx).bytes
        return prepared.count == bytes.count && prepared.elementsEqual(bytes) ? body : String(decoding: prepared, as: UTF8.self)
    }

    package static func prepare(_ body: ArraySlice<UInt8>, mdx: Bool) -> Prepared {
        guard mdx || holdsTemplateOpener(body) else { return Prepared(bytes: body) }
        var pass = LinePass(mdx: mdx)
        var start = body.startIndex
        while start < body.endIndex {
            let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
            pass.line(body[start..<end])
            if end < body.endIndex { pass.output.append(0x0A) }
            start = end + 1
        }
        return Prepared(bytes: pass.output[...], unknownShortcodes: pass.unknown)
    }
}

extension SiteSyntax {
    /// Whether `body` holds `{{` or `{%`, which every template tag outside MDX starts with: code is
    /// full of lone `{`, and a body without a tag is passed on as it is, uncopied.
    static func holdsTemplateOpener(_ body: ArraySlice<UInt8>) -> Bool {
        var rest = body
        while let open = rest.firstIndex(of: UInt8(ascii: "{")) {
            let next = open + 1
            if next < body.endIndex, body[next] == UInt8(ascii: "{") || body[next] == UInt8(ascii: "%") { return true }
            rest = body[next...]
        }
        return false
    }
}

/// The state of one pass over a body's lines.
struct LinePass {
    /// A block that runs to its end tag: code (`{% highlight %}`, `{{< highlight >}}`, `{% raw %}`),
    /// written as a fence of four backticks so that a line of three in the code does not end it, or a
    /// comment (`{% comment %}`, Hugo's `{{< comment >}}`), left out.
    struct OpenBlock {
        var end: Substring
        var comment = false
    }

    let mdx: Bool
    var output: [UInt8] = []
    var unknown: [(line: Int, name: String)] = []
    var lineNumber = 0
    /// The open fence (its character and length) of a fenced code block written in the post.
    var fence: (character: UInt8, count: Int)?
    var block: OpenBlock?
    /// Braces still open in an MDX `import`/`export` statement: its lines go on until they close.
    var statementDepth = 0
    /// Inside an MDX `{/* … */}` comment that began on an earlier line.
    var inComment = false
    /// Whether the previous line was blank or indented code: a line indented four spaces after it is code.
    var codeMayStart = true

    init(mdx: Bool) { self.mdx = mdx }

    static let fenceOpen: [UInt8] = Array("````".utf8)
    static let commentClose: [UInt8] = Array("*/}".utf8)

    mutating func line(_ line: ArraySlice<UInt8>) {
        lineNumber += 1
        let indent = line.prefix { $0 == 0x20 }.count
        let trimmed = line.dropFirst(min(indent, 3))
        let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        defer { codeMayStart = blank || (codeMayStart && (indent >= 4 || line.first == 0x09)) }

        if let open = fence {
            if indent < 4, let run = Self.fenceRun(trimmed), run.character == open.character, run.count >= open.count,
               trimmed.dropFirst(run.count).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                fence = nil
            }
            output += Self.withoutRawTags(line)
            return
        }
        if let open = block {
            if let tag = soleTag(trimmed, indent: indent), tag.name == open.end {
                if !open.comment { output += line[..<trimmed.startIndex] + Self.fenceOpen }
                block = nil
            } else if !open.comment {
                output += Self.withoutRawTags(line)
            }
            return
        }
        if inComment {
            if let close = Self.find(Self.commentClose, in: line) { inComment = false; appendInline(line[(close + 3)...]) }
            return
        }
        if statementDepth > 0 {
            statementDepth = max(0, statementDepth + Self.braceBalance(line))
            return
        }
        if indent < 4, let run = Self.fenceRun(trimmed) {
            fence = run
            output += line
            return
        }
        if indent >= 4 || line.first == 0x09, codeMayStart {
            output += line
            return
        }
        if mdx, indent == 0, line.starts(with: "import ".utf8) || line.starts(with: "import{".utf8) || line.starts(with: "export ".utf8) {
            statementDepth = max(0, Self.braceBalance(line))
            return
        }
        if let tag = soleTag(trimmed, indent: indent) {
            // A block tag's fence keeps the tag's indent, so that it stays in the list item it is in.
            if blockTag(tag, indent: line[..<trimmed.startIndex]) { return }
            if Shortcodes.replacement(for: tag, inTarget: false) == nil {
                // A tag shown as written keeps a line of its own in the paragraph around it: two spaces
                // at the end of the line before and of its own are hard breaks (and nothing at a paragraph's end).
                if output.count >= 2, output[output.count - 1] == 0x0A, output[output.count - 2] != 0x0A {
                    output.insert(contentsOf: [0x20, 0x20], at: output.count - 1)
                }
                appendInline(line)
                output += [0x20, 0x20]
                return
            }
        }
        if mdx, trimmed.starts(with: "{/*".utf8), Self.find(Self.commentClose, in: line) == nil {
            inComment = true
            return
        }
        appendInline(line)
    }

    /// A tag that is all of its line (blanks aside).
    func soleTag(_ trimmed: ArraySlice<UInt8>, indent: Int) -> TemplateTag? {
        guard indent < 4, trimmed.first == UInt8(ascii: "{") else { return nil }
        var missing: Set<Int> = []
        guard let tag = TemplateTag.at(trimmed.startIndex, in: trimmed, mdx: false, missing: &missing),
              trimmed[tag.range.upperBound...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return tag
    }

    /// Writes what a tag alone on its line stands for, when it opens or closes a block; false when it does not.
    mutating func blockTag(_ tag: TemplateTag, indent: ArraySlice<UInt8>) -> Bool {
        let name = tag.name
        switch tag.delimiter {
        case .liquidTag where name == "highlight", .hugoAngle where name == "highlight", .hugoPercent where name == "highlight":
            block = OpenBlock(end: tag.delimiter == .liquidTag ? "endhighlight" : "/highlight")
            output += indent + Self.fenceOpen + (tag.arguments.positional.first ?? "").utf8.filter { $0 != UInt8(ascii: "`") }
        case .liquidTag where name == "raw":
            block = OpenBlock(end: "endraw")
            output += indent + Self.fenceOpen
        case .liquidTag where name == "comment":
            block = OpenBlock(end: "endcomment", comment: true)
        case .hugoAngle where name == "comment", .hugoPercent where name == "comment":
            block = OpenBlock(end: "/comment", comment: true)
        case .liquidTag where tag.zolaCall:
            // Zola's body shortcode: the tags go, the text between them is the post's.
            unknown.append((lineNumber, String(name)))
        case .liquidTag where name == "end":
            break
        default:
            return false
        }
        return true
    }

    /// A line with the template tags byline knows replaced and unknown shortcodes noted.
    mutating func appendInline(_ line: ArraySlice<UInt8>) {
        guard line.contains(UInt8(ascii: "{")) || (mdx && line.contains(UInt8(ascii: "<"))) else {
            output += line
            return
        }
        var missing: Set<Int> = []
        var elementEndMissing = false
        var index = line.startIndex
        var replacedUpTo = -1
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "{"), let tag = TemplateTag.at(index, in: line, mdx: mdx, missing: &missing) {
                note(tag)
                if let replacement = Shortcodes.replacement(for: tag, inTarget: replacedUpTo == index || inLinkTarget()) {
                    output += replacement.utf8
                    index = tag.range.upperBound
                    replacedUpTo = index
                } else {
                    output += line[tag.range]
                    index = tag.range.upperBound
                }
                continue
            }
            if mdx, byte == UInt8(ascii: "<"), let element = JSXTag.at(index, in: line, endMissing: &elementEndMissing) {
                if !element.closing {
                    output += String(Character(SiteSyntax.placeholderStart)).utf8
                    output += "[\(element.name)]".utf8
                    output += String(Character(SiteSyntax.placeholderEnd)).utf8
                    // `<Legend>with a label</Legend>`: the text does not run into the placeholder.
                    if element.end < line.endIndex, line[element.end] != 0x20, line[element.end] != UInt8(ascii: "<") { output.append(0x20) }
                }
                index = element.end
                continue
            }
            // Up to the next byte that may begin a tag, copied at once.
            let next = line[(index + 1)...].firstIndex { $0 == UInt8(ascii: "{") || (mdx && $0 == UInt8(ascii: "<")) } ?? line.endIndex
            output += line[index..<next]
            index = next
        }
    }

    /// Shortcodes that byline shows as written, for `check`.
    mutating func note(_ tag: TemplateTag) {
        switch tag.delimiter {
        case .hugoAngle, .hugoPercent:
            let name = tag.name
            if !name.isEmpty, !name.hasPrefix("/"), !Shortcodes.knownHugo.contains(name) { unknown.append((lineNumber, String(name))) }
        case .output where tag.zolaCall, .liquidTag where tag.zolaCall:
            unknown.append((lineNumber, String(tag.name)))
        default:
            break
        }
    }

    /// Whether what was written last opens a link target: `](`, `]: `, `="`, `='`.
    func inLinkTarget() -> Bool {
        let tail = output.suffix(3)
        return tail.elementsEqual("]: ".utf8) || tail.suffix(2).elementsEqual("](".utf8) || tail.suffix(2).elementsEqual("=\"".utf8)
            || tail.suffix(2).elementsEqual("='".utf8) || tail.elementsEqual("](<".utf8)
    }

    /// A fence's character and length when the line (indent removed) opens or closes one.
    static func fenceRun(_ trimmed: ArraySlice<UInt8>) -> (character: UInt8, count: Int)? {
        guard let first = trimmed.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = trimmed.prefix { $0 == first }.count
        guard count >= 3 else { return nil }
        if first == UInt8(ascii: "`"), trimmed.dropFirst(count).contains(first) { return nil }
        return (first, count)
    }

    /// A line of code without Liquid's `{% raw %}`/`{% endraw %}`, which Jekyll never shows.
    static func withoutRawTags(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard line.contains(UInt8(ascii: "{")) else { return line }
        var output: [UInt8] = []
        var missing: Set<Int> = []
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == UInt8(ascii: "{"), let tag = TemplateTag.at(index, in: line, mdx: false, missing: &missing) {
                if tag.delimiter != .liquidTag || (tag.name != "raw" && tag.name != "endraw") { output += line[tag.range] }
                index = tag.range.upperBound
                continue
            }
            output.append(line[index])
            index += 1
        }
        return output[...]
    }

    /// `{` minus `}` on a line: how far an `import`/`export` statement's braces are still open.
    static func braceBalance(_ line: ArraySlice<UInt8>) -> Int {
        line.reduce(0) { $0 + ($1 == UInt8(ascii: "{") ? 1 : $1 == UInt8(ascii: "}") ? -1 : 0) }
    }

    static func find(_ needle: [UInt8], in line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex
        while index + needle.count <= line.endIndex {
            if line[index...].starts(with: needle) { return index }
            index += 1
        }
        return nil
    }
}
