/// A whole store as bytes, so a large blog's first screen is a decode, not a load: posts already in
/// order with their tags in display spelling, the tag index, every problem, the old names that open
/// posts, and each post's document in a search index. The persistent cache keeps one beside its per-file records.
///
/// Compact on purpose (100,000 posts are about 28 MB): strings are a varint length and UTF-8 bytes,
/// numbers varints, a tag's posts delta-coded. Decoding checks every length against the bytes left
/// and answers nil for anything malformed; it never traps on bad input. The decoded store keeps the
/// posts' records as they are (`PostList`): a post is made from its record when it is asked for.
package enum StoreSnapshot {
    static let magic: [UInt8] = Array("byline-store-5\n".utf8)
    /// Posts per chunk: a chunk is read and decoded at a time, so no copy of the whole snapshot is
    /// ever held (at 100,000 posts the snapshot is about 28 MB).
    package static let postsPerChunk = 2048

    /// The bytes of `store` (with `documentIDs`, or the store's own), `postsPerChunk` posts a chunk, a
    /// part at a time, header first, each handed to `part` as soon as it is made: a cache stores them
    /// without the whole snapshot in memory (28 MB at 100,000 posts).
    package static func encode(_ store: PostStore, documentIDs: [Int64?]? = nil, postsPerChunk: Int = postsPerChunk,
                              each part: ([UInt8]) throws -> Void) rethrows {
        var header = ByteWriter()
        header.bytes += magic
        header.string(store.realRoot)
        header.string(store.layout.rawValue)
        header.varint(store.posts.count)
        header.varint(store.diagnostics.count)
        for diagnostic in store.diagnostics {
            header.string(diagnostic.file)
            header.varint(diagnostic.line.map { $0 + 1 } ?? 0)
            header.varint(diagnostic.column.map { $0 + 1 } ?? 0)
            header.varint(diagnostic.severity == .error ? 0 : 1)
            header.string(diagnostic.kind.rawValue)
            header.string(diagnostic.message)
        }
        header.index(store.tags)
        header.index(store.languages)
        header.varint(store.aliases.count)
        for (alias, number) in store.aliases.sorted(by: { $0.key < $1.key }) {
            header.string(alias)
            header.varint(number)
        }
        let documents = documentIDs ?? store.documentIDs
        // A post's tags are written as their place in the tag list above (plus one), or 0 and the
        // spelling when the list has no tag of that spelling: decoding then shares the list's strings
        // instead of making 2 or 3 new ones for every post.
        var tagNumbers: [String: Int] = [:]
        for (number, tag) in store.tags.tags.enumerated() where tagNumbers[tag.name] == nil { tagNumbers[tag.name] = number + 1 }
        try part(header.bytes)
        header = ByteWriter()
        let perChunk = max(1, postsPerChunk)
        for start in stride(from: 0, to: store.posts.count, by: perChunk) {
            let end = min(start + perChunk, store.posts.count)
            var out = ByteWriter()
            for number in start..<end {
                let post = store.posts[number]
                out.string(post.path)
                out.string(post.slug)
                out.string(post.title)
                out.date(post.date)
                out.varint(post.tags.count)
                for tag in post.tags {
                    let number = tagNumbers[tag] ?? 0
                    out.varint(number)
                    if number == 0 { out.string(tag) }
                }
                out.string(post.summary)
                out.varint(post.draft ? 1 : 0)
                out.varint(post.fileSize)
                // Empty for the usual `realRoot/path` (a store may hold no paths at all: a patched one).
                out.string((number < store.absolutePaths.count ? store.absolutePaths[number] : nil) ?? "")
                out.varint(number < documents.count ? documents[number].map { Int($0) + 1 } ?? 0 : 0)
                out.string(post.language ?? "")
                for names in [post.authors, post.aliases] {
                    out.varint(names.count)
                    for name in names { out.string(name) }
                }
            }
            try part(out.bytes)
        }
    }

    /// Decodes a snapshot a chunk at a time, from bytes owned elsewhere (SQLite's own buffers). Every
    /// length is checked against the bytes left, and anything malformed ends in nil, never a trap.
    package struct Decoder {
        let root: String
        let realRoot: String
        let layout: SiteLayout
        let count: Int
        let diagnostics: [Diagnostic]
        let tags: [TagIndex.Tag]
        let languages: [TagIndex.Tag]
        let aliases: [String: Int]
        /// Each tag's display spelling, by its place in `tags`.
        let tagNames: [String]
        var chunks: [[UInt8]] = []
        var starts: [UInt64] = []
        var paths: [String?] = []
        var documents: [Int64?] = []

        /// Nil when the header is not a snapshot's.
        package init?(header buffer: UnsafeBufferPointer<UInt8>, root: String) {
            var input = ByteReader(buffer)
            guard input.take(StoreSnapshot.magic.count).map(Array.init) == StoreSnapshot.magic,
                  let realRoot = input.string(), let layoutName = input.string(), let layout = SiteLayout(rawValue: layoutName),
                  let count = input.varint(), count <= 10_000_000,  // bounds what a damaged header can allocate
                  let diagnosticCount = input.varint(), diagnosticCount <= buffer.count else { return nil }
            var diagnostics: [Diagnostic] = []
            for _ in 0..<diagnosticCount {
                guard let file = input.string(), let line = input.varint(), let column = input.varint(),
                      let severity = input.varint(), let kind = input.string().flatMap(Diagnostic.Kind.init(rawValue:)),
                      let message = input.string() else { return nil }
                diagnostics.append(Diagnostic(file: file, line: line == 0 ? nil : line - 1, column: column == 0 ? nil : column - 1,
                                              severity: severity == 0 ? .error : .warning, kind: kind, message: message))
            }
            guard let tags = input.index(posts: count), let languages = input.index(posts: count),
                  let aliasCount = input.varint(), aliasCount <= buffer.count else { return nil }
            var aliases: [String: Int] = [:]
            for _ in 0..<aliasCount {
                guard let alias = input.string(), let number = input.varint(), number < count else { return nil }
                aliases[alias] = number
            }
            guard input.isAtEnd else { return nil }
            self.aliases = aliases
            self.root = root
            self.realRoot = realRoot
            self.layout = layout
            self.count = count
            self.diagnostics = diagnostics
            self.tags = tags
            self.languages = languages
            tagNames = tags.map(\.name)
        }

        /// Adds the posts of one chunk (its bytes are copied and kept); false when it is malformed or holds
        /// more posts than the header said. Each record is checked here, once; no post is made.
        package mutating func add(chunk buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            // Room for every post the header counts, once, not grown a doubling at a time.
            if starts.capacity == 0 {
                starts.reserveCapacity(count)
                paths.reserveCapacity(count)
                documents.reserveCapacity(count)
            }
            guard buffer.count <= UInt32.max, chunks.count < UInt32.max else { return false }
            let chunk = UInt64(chunks.count) << 32
            var input = ByteReader(buffer)
            while !input.isAtEnd {
                let start = input.offset
                guard starts.count < count, let record = PostRecord.read(&input, tagNames: tagNames.count) else { return false }
                starts.append(chunk | UInt64(start))
                paths.append(record.absolute.isEmpty ? nil : record.string(record.absolute, in: buffer))
                documents.append(record.document)
            }
            chunks.append(Array(buffer))
            return true
        }

        /// The store, once every chunk was added; nil when posts are missing.
        package func finish() -> (store: PostStore, documentIDs: [Int64?])? {
            guard starts.count == count else { return nil }
            let posts = PostList(PostRecords(chunks: chunks, starts: starts, tagNames: tagNames))
            let store = PostStore(root: root, realRoot: realRoot, layout: layout, posts: posts, tags: TagIndex(tags: tags), languages: TagIndex(tags: languages),
                                  diagnostics: diagnostics, aliases: aliases, absolutePaths: paths)
            return (store, documents)
        }
    }
}

/// One post's record in a snapshot chunk, as `StoreSnapshot.encode` writes it: its strings as byte
/// ranges of the chunk, so that checking a record makes nothing, and making its post reads it again.
struct PostRecord {
    var path: Range<Int>, slug: Range<Int>, title: Range<Int>, summary: Range<Int>, absolute: Range<Int>
    var date: PostDate?
    /// The tag entries' bytes (a number into the tag list, or 0 and a spelling), and how many.
    var tags: Range<Int>
    var tagCount: Int
    var draft: Bool
    var fileSize: Int
    var document: Int64?
    var language: Range<Int>
    /// The authors' and then the aliases' entries (a count, then the names).
    var names: Range<Int>

    /// The record at `input`'s offset, which it passes; nil when malformed (a length past the end, a tag
    /// number past the `tagNames` tags of the header).
    static func read(_ input: inout ByteReader, tagNames: Int) -> PostRecord? {
        guard let path = input.range(), let slug = input.range(), let title = input.range(), let date = input.date(),
              let tagCount = input.varint(), tagCount <= input.buffer.count else { return nil }
        let tagStart = input.offset
        for _ in 0..<tagCount {
            guard let number = input.varint(), number <= tagNames else { return nil }
            if number == 0 { guard input.range() != nil else { return nil } }
        }
        let tags = tagStart..<input.offset
        guard let summary = input.range(), let draft = input.varint(), let size = input.varint(),
              let absolute = input.range(), let document = input.varint(), let language = input.range() else { return nil }
        let namesStart = input.offset
        for _ in 0..<2 {
            guard let count = input.varint(), count <= input.buffer.count else { return nil }
            for _ in 0..<count { guard input.range() != nil else { return nil } }
        }
        return PostRecord(path: path, slug: slug, title: title, summary: summary, absolute: absolute, date: date,
                          tags: tags, tagCount: tagCount, draft: draft != 0, fileSize: size,
                          document: document == 0 ? nil : Int64(document - 1), language: language, names: namesStart..<input.offset)
    }

    func string(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// The post, from the chunk the record was read in.
    func post(in buffer: UnsafeBufferPointer<UInt8>, tagNames: [String]) -> Post {
        var names: [String] = []
        names.reserveCapacity(tagCount)
        var input = ByteReader(UnsafeBufferPointer(rebasing: buffer[..<tags.upperBound]))
        input.offset = tags.lowerBound
        for _ in 0..<tagCount {
            let number = input.varint() ?? 0
            names.append(number > 0 ? tagNames[number - 1] : input.string() ?? "")
        }
        var more = ByteReader(UnsafeBufferPointer(rebasing: buffer[..<self.names.upperBound]))
        more.offset = self.names.lowerBound
        // Most posts have neither: an empty range maps to an empty array, with no allocation.
        let authors = (0..<(more.varint() ?? 0)).map { _ in more.string() ?? "" }
        var post = Post(path: string(path, in: buffer), slug: string(slug, in: buffer), title: string(title, in: buffer), date: date,
                        tags: names, summary: string(summary, in: buffer), draft: draft, fileSize: fileSize, authors: authors,
                        language: language.isEmpty ? nil : string(language, in: buffer))
        post.aliases = (0..<(more.varint() ?? 0)).map { _ in more.string() ?? "" }
        return post
    }
}

/// Appends varints and length-prefixed strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    init() {}

    mutating func varint(_ value: Int) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            varint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A tag index (the tags, or the languages): each tag's key, name and posts, delta-coded.
    mutating func index(_ index: TagIndex) {
        varint(index.tags.count)
        for tag in index.tags {
            string(tag.key)
            string(tag.name)
            varint(tag.count)
            var previous = 0
            for member in tag.posts {
                varint(member - previous)
                previous = member
            }
        }
    }

    /// 0 for no date; else 1 + whether a time and an offset follow, then the fields.
    mutating func date(_ date: PostDate?) {
        guard let date else { return varint(0) }
        varint(1 + (date.time == nil ? 0 : 1) + (date.utcOffsetMinutes == nil ? 0 : 2))
        varint(date.year)
        varint(date.month)
        varint(date.day)
        if let time = date.time {
            varint(time.hour)
            varint(time.minute)
            varint(time.second)
            varint(time.nanosecond)
        }
        if let offset = date.utcOffsetMinutes { varint(offset + 24 * 60) }
    }
}

/// Reads what `ByteWriter` wrote; every read answers nil past the end.
struct ByteReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }

    mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard count >= 0, count <= buffer.count - offset else { return nil }
        defer { offset += count }
        return UnsafeBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    mutating func varint() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count, shift < 63 {
            let byte = buffer[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
            shift += 7
        }
        return nil
    }

    mutating func string() -> String? {
        guard let length = varint(), let bytes = take(length) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A tag index as `ByteWriter.index` wrote it, for a store of `count` posts; nil when malformed.
    mutating func index(posts count: Int) -> [TagIndex.Tag]? {
        guard let tagCount = varint(), tagCount <= buffer.count else { return nil }
        var tags: [TagIndex.Tag] = []
        for _ in 0..<tagCount {
            guard let key = string(), let name = string(), let members = varint(), members <= count else { return nil }
            var set = PostSet(capacity: count)
            var member = 0
            for _ in 0..<members {
                guard let delta = varint() else { return nil }
                member += delta
                guard member < count else { return nil }
                set.insert(member)
            }
            tags.append(TagIndex.Tag(key: key, name: name, posts: set))
        }
        return tags
    }

    /// Where the next string's bytes are, passing them.
    mutating func range() -> Range<Int>? {
        guard let length = varint(), length >= 0, length <= buffer.count - offset else { return nil }
        defer { offset += length }
        return offset..<offset + length
    }

    /// A date as `ByteWriter.date` wrote it: `.some(nil)` for none, nil when malformed.
    mutating func date() -> PostDate?? {
        guard let kind = varint(), kind <= 4 else { return nil }
        guard kind > 0 else { return .some(nil) }
        guard let year = varint(), let month = varint(), let day = varint() else { return nil }
        var time: PostDate.Time?
        if (kind - 1) & 1 != 0 {
            guard let hour = varint(), let minute = varint(), let second = varint(), let nanosecond = varint() else { return nil }
            time = PostDate.Time(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
        }
        var offsetMinutes: Int?
        if (kind - 1) & 2 != 0 {
            guard let offset = varint() else { return nil }
            offsetMinutes = offset - 24 * 60
        }
        guard let date = PostDate(year: year, month: month, day: day, time: time, utcOffsetMinutes: offsetMinutes) else { return nil }
        return .some(date)
    }
}
