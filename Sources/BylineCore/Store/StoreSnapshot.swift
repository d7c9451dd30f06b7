/// A whole store as bytes, so a large blog's first screen is a decode, not a load: posts already in
/// order with their tags in display spelling, the tag index, every problem, and each post's document
/// in a search index. The persistent cache keeps one beside its per-file records.
///
/// Compact on purpose (100,000 posts are about 20 MB): strings are a varint length and UTF-8 bytes,
/// numbers varints, a tag's posts delta-coded. `decode` checks every length against the bytes left
/// and answers nil for anything malformed; it never traps on bad input.
public enum StoreSnapshot {
    static let magic: [UInt8] = Array("byline-store-1\n".utf8)

    /// The bytes of `store` (with `documentIDs`, or the store's own).
    public static func encode(_ store: PostStore, documentIDs: [Int64?]? = nil) -> [UInt8] {
        var out = ByteWriter()
        out.bytes += magic
        out.string(store.realRoot)
        out.string(store.layout.rawValue)
        out.varint(store.posts.count)
        let documents = documentIDs ?? store.documentIDs
        for (number, post) in store.posts.enumerated() {
            out.string(post.path)
            out.string(post.slug)
            out.string(post.title)
            out.date(post.date)
            out.varint(post.tags.count)
            for tag in post.tags { out.string(tag) }
            out.string(post.summary)
            out.varint(post.draft ? 1 : 0)
            out.varint(post.fileSize)
            out.string(store.absolutePath(of: number))
            out.varint(number < documents.count ? documents[number].map { Int($0) + 1 } ?? 0 : 0)
        }
        out.varint(store.diagnostics.count)
        for diagnostic in store.diagnostics {
            out.string(diagnostic.file)
            out.varint(diagnostic.line.map { $0 + 1 } ?? 0)
            out.varint(diagnostic.column.map { $0 + 1 } ?? 0)
            out.varint(diagnostic.severity == .error ? 0 : 1)
            out.string(diagnostic.message)
        }
        out.varint(store.tags.tags.count)
        for tag in store.tags.tags {
            out.string(tag.key)
            out.string(tag.name)
            out.varint(tag.count)
            var previous = 0
            for member in tag.posts {
                out.varint(member - previous)
                previous = member
            }
        }
        return out.bytes
    }

    /// The store in `bytes`, opened at `root` (as the user named it), or nil when the bytes are not a
    /// snapshot. Documents are the search index's, for `PostStore.searching(with:documentIDs:)`.
    public static func decode(_ bytes: [UInt8], root: String) -> (store: PostStore, documentIDs: [Int64?])? {
        bytes.withUnsafeBufferPointer { decode($0, root: root) }
    }

    /// The same from bytes owned elsewhere (SQLite's own buffer: 100,000 posts are not copied first).
    public static func decode(_ buffer: UnsafeBufferPointer<UInt8>, root: String) -> (store: PostStore, documentIDs: [Int64?])? {
        do {
            var input = ByteReader(buffer)
            guard input.take(magic.count).map(Array.init) == magic,
                  let realRoot = input.string(), let layoutName = input.string(), let layout = SiteLayout(rawValue: layoutName),
                  let count = input.varint(), count <= buffer.count else { return nil }
            var posts: [Post] = []
            var paths: [String] = []
            var documents: [Int64?] = []
            posts.reserveCapacity(count)
            paths.reserveCapacity(count)
            documents.reserveCapacity(count)
            for _ in 0..<count {
                guard let path = input.string(), let slug = input.string(), let title = input.string(), let date = input.date(),
                      let tagCount = input.varint(), tagCount <= buffer.count else { return nil }
                var tags: [String] = []
                tags.reserveCapacity(tagCount)
                for _ in 0..<tagCount {
                    guard let tag = input.string() else { return nil }
                    tags.append(tag)
                }
                guard let summary = input.string(), let draft = input.varint(), let size = input.varint(),
                      let absolute = input.string(), let document = input.varint() else { return nil }
                posts.append(Post(path: path, slug: slug, title: title, date: date.value, tags: tags, summary: summary,
                                  draft: draft != 0, fileSize: size))
                paths.append(absolute)
                documents.append(document == 0 ? nil : Int64(document - 1))
            }
            guard let diagnosticCount = input.varint(), diagnosticCount <= buffer.count else { return nil }
            var diagnostics: [Diagnostic] = []
            for _ in 0..<diagnosticCount {
                guard let file = input.string(), let line = input.varint(), let column = input.varint(),
                      let severity = input.varint(), let message = input.string() else { return nil }
                diagnostics.append(Diagnostic(file: file, line: line == 0 ? nil : line - 1, column: column == 0 ? nil : column - 1,
                                              severity: severity == 0 ? .error : .warning, message: message))
            }
            guard let tagCount = input.varint(), tagCount <= buffer.count else { return nil }
            var tags: [TagIndex.Tag] = []
            for _ in 0..<tagCount {
                guard let key = input.string(), let name = input.string(), let members = input.varint(), members <= count else { return nil }
                var set = PostSet(capacity: count)
                var member = 0
                for _ in 0..<members {
                    guard let delta = input.varint() else { return nil }
                    member += delta
                    guard member < count else { return nil }
                    set.insert(member)
                }
                tags.append(TagIndex.Tag(key: key, name: name, posts: set))
            }
            guard input.isAtEnd else { return nil }
            let store = PostStore(root: root, realRoot: realRoot, layout: layout, posts: posts, tags: TagIndex(tags: tags),
                                  diagnostics: diagnostics, absolutePaths: paths)
            return (store, documents)
        }
    }
}

/// Appends varints and length-prefixed strings.
struct ByteWriter {
    var bytes: [UInt8] = []

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

    /// A date as `ByteWriter.date` wrote it: `.some(nil)` for none, nil when malformed.
    mutating func date() -> Box<PostDate?>? {
        guard let kind = varint(), kind <= 4 else { return nil }
        guard kind > 0 else { return Box(nil) }
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
        return Box(date)
    }

    /// Tells "no date" from "no valid date".
    struct Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
