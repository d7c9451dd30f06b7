/// The fields byline reads from front matter, under the names real blogs give them.
///
/// | field | read from |
/// |---|---|
/// | title | `title` |
/// | date | `date`, `pubDate` (Astro), `publishDate` (Hugo), `published` when it is a date; else a date in Zola's `path` or the `slug` |
/// | tags | `tags`, `categories`, `category`, Zola's `[taxonomies]` `tags` and `categories` |
/// | summary | `summary`, `description`, Zola's `[extra]` `summary`, `excerpt` |
/// | draft | `draft: true`, or Jekyll's `published: false` |
/// | slug | `slug` |
/// | language | `lang`, `language` (a BCP 47 tag) |
/// | authors | `authors`, `author`, `by` (text, a list, or tables with a `name`), Zola's `[extra]` `authors` and `author` |
/// | redirect | `redirect_to` (jekyll-redirect-from), `redirect` |
/// | aliases | `redirect_from` (jekyll-redirect-from), `aliases` (Hugo) |
package struct PostMetadata: Equatable, Sendable {
    package var title: String?
    package var date: PostDate?
    package var tags: [String] = []
    package var summary: String?
    package var draft = false
    package var slug: String?
    package var language: String?
    package var authors: [String] = []
    /// Where a redirect key points (for a page with only `aliases` and no title, nowhere), and its
    /// place: a file with this and no body is a stub, not a post.
    package var redirect: RedirectStub?
    /// Old URLs that should open this post, as slugs (`RedirectStub.slug(of:)`).
    package var aliases: [String] = []

    /// A field whose value could not be used, to become a warning.
    package struct Problem: Equatable, Sendable {
        package var message: String
        package var line: Int?
        package var column: Int?
        package var kind: Diagnostic.Kind = .field
    }

    /// Reads the fields of a front matter table; problems are returned, never thrown.
    package static func read(_ table: FrontMatterEntry) -> (PostMetadata, [Problem]) {
        var reader = FieldReader(table: table)
        var metadata = PostMetadata()
        metadata.title = reader.text("title")
        let slug = reader.text("slug")
        metadata.slug = slug.map(Self.cleanSlug).flatMap { $0.isEmpty ? nil : $0 }
        metadata.date = reader.date(["date", "pubDate", "publishDate", "published"])
            ?? reader.text("path").flatMap(PostLoader.dateInURLPath) ?? slug.flatMap(PostLoader.dateInURLPath)
        metadata.tags = reader.tags()
        metadata.summary = reader.text("summary") ?? reader.text("description")
            ?? reader.nested("extra", "summary") ?? reader.text("excerpt")
        metadata.draft = reader.flag("draft") == true || reader.flag("published") == false
        metadata.language = reader.language()
        metadata.authors = reader.authors()
        metadata.redirect = reader.redirect(untitled: metadata.title == nil)
        metadata.aliases = PostLoader.firstSpellings((reader.urls("redirect_from") + reader.urls("aliases")).compactMap(RedirectStub.slug))
        return (metadata, reader.problems)
    }

    /// Tags one post keeps, the first ones written (each spelling of a tag counted once). Real posts carry
    /// a handful (the shipped blog's at most four); 40,000 tags in one post filled the tag pane with
    /// one-post tags and made loading quadratic.
    package static let maximumTags = 64

    /// Bytes of UTF-8 one tag keeps (100 letters, 33 CJK characters): a tag is a word or two. A longer
    /// one is cut at a character's boundary; 50,000 combining marks made one tag 100 KB wide.
    package static let maximumTagBytes = 100

    /// A slug is one path component: no slashes, no surrounding blanks.
    static func cleanSlug(_ slug: String) -> String {
        slug.split(separator: "/").last.map { String($0).trimmed } ?? ""
    }
}

/// A front matter table read once for the names `read` asks for. `read` looks up some fifteen names,
/// most of them absent; asking the table for each compares it with every key, lower-cased. Here each
/// key is lower-cased once and matched to a name in a dictionary.
/// Answers as `FrontMatterEntry`'s subscript does: the exact key first, then the first key equal once
/// lower-cased.
struct FieldTable {
    let entry: FrontMatterEntry
    /// The names, as `read` spells them.
    static let names = ["title", "slug", "path", "date", "pubDate", "publishDate", "published", "tags", "categories",
                        "category", "taxonomies", "summary", "description", "extra", "excerpt", "draft", "lang", "language",
                        "authors", "author", "by", "redirect_to", "redirect", "redirect_from", "aliases"]
    /// The position in `names` of each name lower-cased.
    private static let slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1.lowercased(), $0) })
    private var found: [FrontMatterEntry?]
    private var foundExactly: [Bool]

    init(_ entry: FrontMatterEntry) {
        self.entry = entry
        found = Array(repeating: nil, count: Self.names.count)
        foundExactly = Array(repeating: false, count: Self.names.count)
        guard case let .table(pairs) = entry.value else { return }
        for pair in pairs {
            guard let slot = Self.slots[pair.key.lowercased()] else { continue }
            if !foundExactly[slot], pair.key == Self.names[slot] {
                found[slot] = pair.value
                foundExactly[slot] = true
            } else if found[slot] == nil {
                found[slot] = pair.value
            }
        }
    }

    subscript(key: String) -> FrontMatterEntry? {
        guard case .table = entry.value else { return nil }
        guard let slot = Self.names.firstIndex(of: key) else { return entry[key] }
        return found[slot]
    }
}

/// Typed access to a front matter table that collects a problem for every value it cannot use.
private struct FieldReader {
    let table: FieldTable
    var problems: [PostMetadata.Problem] = []
    /// Whether a tag was cut to its limit already (one warning per post is enough).
    private var cutTag = false

    init(table: FrontMatterEntry) {
        self.table = FieldTable(table)
    }

    mutating func complain(_ entry: FrontMatterEntry, _ message: String) {
        problems.append(.init(message: message, line: entry.line, column: entry.column))
    }

    /// A text field; a number is taken as its digits; anything else is reported and ignored.
    mutating func text(_ key: String) -> String? {
        guard let entry = table[key] else { return nil }
        return text(of: entry, named: key)
    }

    mutating func nested(_ tableKey: String, _ key: String) -> String? {
        guard let entry = table[tableKey]?[key] else { return nil }
        return text(of: entry, named: "\(tableKey).\(key)")
    }

    private mutating func text(of entry: FrontMatterEntry, named name: String) -> String? {
        switch entry.value {
        case let .string(text), let .number(text):
            let trimmed = text.trimmed
            return trimmed.isEmpty ? nil : trimmed
        case let .date(date): return date.iso8601
        case .other: return nil
        default:
            complain(entry, "`\(name)` should be text, not \(entry.kindName); ignored")
            return nil
        }
    }

    /// The first of `keys` present that holds a date. `published: true` is Jekyll's flag, not a date.
    mutating func date(_ keys: [String]) -> PostDate? {
        for key in keys {
            guard let entry = table[key] else { continue }
            switch entry.value {
            case let .date(date): return date
            case let .string(text):
                if key == "published", FieldReader.boolean(text) != nil { continue }
                if let date = PostDateParser.parse(text) { return date }
                complain(entry, "`\(key)` \"\(text.prefix(60))\" is not a date (expected e.g. 2024-04-09 or 2024-04-09T10:30:00Z); ignored")
            case .bool where key == "published", .other:
                continue
            default:
                complain(entry, "`\(key)` should be a date, not \(entry.kindName); ignored")
            }
        }
        return nil
    }

    /// `lang`, else `language`, as a normalized tag (`pt_BR` is `pt-BR`).
    mutating func language() -> String? {
        for key in ["lang", "language"] {
            guard let entry = table[key], let text = text(of: entry, named: key) else { continue }
            if let tag = LanguageTag.normalized(text) { return tag }
            complain(entry, "`\(key)` \"\(text.prefix(40))\" is not a language tag (e.g. en, pt-BR); ignored")
        }
        return nil
    }

    /// `draft`-like flags: TOML booleans, or YAML's true/false/yes/no spellings.
    mutating func flag(_ key: String) -> Bool? {
        guard let entry = table[key] else { return nil }
        switch entry.value {
        case let .bool(flag): return flag
        case let .string(text):
            if let flag = FieldReader.boolean(text) { return flag }
            if key == "published", PostDateParser.parse(text) != nil { return nil }
            complain(entry, "`\(key)` should be true or false, not \"\(text.prefix(40))\"; ignored")
            return nil
        case .date where key == "published", .other: return nil
        default:
            complain(entry, "`\(key)` should be true or false, not \(entry.kindName); ignored")
            return nil
        }
    }

    static func boolean(_ text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default: return nil
        }
    }

    /// Tags and categories together, in order, without empties, each tag once in its first spelling
    /// (`Go` and `go` are one tag), at most `PostMetadata.maximumTags` of them.
    mutating func tags() -> [String] {
        var tags: [String] = []
        var fields: [(entry: FrontMatterEntry, name: String)] = []
        for name in ["tags", "categories", "category"] {
            if let entry = table[name] { fields.append((entry, name)) }
        }
        if let taxonomies = table["taxonomies"] {
            for name in ["tags", "categories"] {
                if let entry = taxonomies[name] { fields.append((entry, "taxonomies.\(name)")) }
            }
        }
        for field in fields { tags += tagList(field.entry, named: field.name) }
        tags = PostLoader.firstSpellings(tags)
        let limit = PostMetadata.maximumTags
        if tags.count > limit, let first = fields.first {
            complain(first.entry, "`\(first.name)`: \(tags.count) tags, more than \(limit), the limit for one post; the first \(limit) are kept")
            tags.removeLast(tags.count - limit)
        }
        return tags
    }

    /// The first of `redirect_to` and `redirect` that names a target; else, for an `untitled` page
    /// with old URLs (`aliases`, `redirect_from`), a redirect to nowhere.
    mutating func redirect(untitled: Bool) -> RedirectStub? {
        for key in ["redirect_to", "redirect"] {
            guard let entry = table[key], let target = urls(key).first else { continue }
            return RedirectStub(target: target, line: entry.line)
        }
        guard untitled, let entry = table["aliases"] ?? table["redirect_from"] else { return nil }
        return RedirectStub(target: nil, line: entry.line)
    }

    /// A URL or a list of them; anything else is reported and ignored.
    mutating func urls(_ key: String) -> [String] {
        guard let entry = table[key] else { return [] }
        if case let .list(items) = entry.value {
            return items.compactMap { text(of: $0, named: key) }.prefix(PostMetadata.maximumTags).map { $0 }
        }
        return text(of: entry, named: key).map { [$0] } ?? []
    }

    /// Every author named in `authors`, `author`, `by` and Zola's `[extra]`, each once, in that order.
    /// A name is cut as a tag is (`PostMetadata.maximumTagBytes`), and a post keeps as many as tags.
    mutating func authors() -> [String] {
        var fields: [(entry: FrontMatterEntry, name: String)] = []
        for name in ["authors", "author", "by"] {
            if let entry = table[name] { fields.append((entry, name)) }
        }
        if let extra = table["extra"] {
            for name in ["authors", "author"] {
                if let entry = extra[name] { fields.append((entry, "extra.\(name)")) }
            }
        }
        var names: [String] = []
        for field in fields { names += authorNames(field.entry, named: field.name) }
        return Array(PostLoader.firstSpellings(names).prefix(PostMetadata.maximumTags))
    }

    /// A name, a list of names, or a table (or list of tables) with a `name`, as Jekyll, Hugo and Astro
    /// themes write authors.
    private mutating func authorNames(_ entry: FrontMatterEntry, named name: String) -> [String] {
        switch entry.value {
        case let .string(text), let .number(text):
            let author = TagName.clean(text).prefix(utf8Bytes: PostMetadata.maximumTagBytes)
            return author.isEmpty ? [] : [author]
        case .list(let items):
            return items.flatMap { authorNames($0, named: name) }
        case .table:
            return entry["name"].map { authorNames($0, named: name) } ?? []
        case .other: return []
        default:
            complain(entry, "`\(name)` should be a name or a list of names, not \(entry.kindName); ignored")
            return []
        }
    }

    /// `tag` cut to `PostMetadata.maximumTagBytes` at a scalar's boundary, with a warning at `entry`
    /// the first time a tag is cut.
    private mutating func bounded(_ tag: String, at entry: FrontMatterEntry, named name: String) -> String {
        let limit = PostMetadata.maximumTagBytes
        guard tag.utf8.count > limit else { return tag }
        if !cutTag {
            cutTag = true
            complain(entry, "a tag in `\(name)` is \(tag.utf8.count) bytes long, more than \(limit), the limit; it is cut")
        }
        return TagName.clean(tag.prefix(utf8Bytes: limit))
    }

    /// A list of tags, a single tag, or `"a, b, c"`; numbers (`47`) become tags too.
    private mutating func tagList(_ entry: FrontMatterEntry, named name: String) -> [String] {
        switch entry.value {
        case let .string(text), let .number(text):
            return text.split(separator: ",").map { bounded(TagName.clean(String($0)), at: entry, named: name) }.filter { !$0.isEmpty }
        case let .list(items):
            return items.flatMap { item -> [String] in
                switch item.value {
                case let .string(text), let .number(text):
                    let tag = bounded(TagName.clean(text), at: item, named: name)
                    return tag.isEmpty ? [] : [tag]
                case let .bool(flag): return [flag ? "true" : "false"]
                case .other: return []
                default:
                    complain(item, "a tag in `\(name)` should be text, not \(item.kindName); ignored")
                    return []
                }
            }
        case .other: return []
        default:
            complain(entry, "`\(name)` should be a list of tags, not \(entry.kindName); ignored")
            return []
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmed: String {
        // Nearly every value has nothing to trim: its first and last bytes say so without a copy. (A blank
        // character is one of these four bytes, or CR LF, which ends in one.)
        let isBlankByte: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if let first = utf8.first, let last = utf8.last, !isBlankByte(first), !isBlankByte(last) { return self }
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[start...end])
    }

    /// The longest prefix of whole Unicode scalars within `limit` bytes of UTF-8.
    func prefix(utf8Bytes limit: Int) -> String {
        guard utf8.count > limit else { return self }
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        while end.samePosition(in: unicodeScalars) == nil { end = utf8.index(before: end) }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }
}
