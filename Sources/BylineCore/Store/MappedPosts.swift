/// The posts of a store file (`MappedStore`), read where they lie: a post is made from its fixed-size
/// record when it is asked for, and the search tables (document of each post, post of each document,
/// posts indexed) are read from the file too. Nothing is made per post when the file is opened.
///
/// Every offset a record holds is checked against its section when it is read: the file's checksums
/// were checked at open, but a bad offset must still never read outside the mapping (it reads as an
/// empty string, or no tags).
final class MappedPosts: Sendable {
    let file: MappedFile
    let count: Int
    /// Byte offset of the first record.
    private let records: Int
    private let strings: Range<Int>
    private let lists: Range<Int>
    private let postOfDocument: Range<Int>
    /// The posts that have a document.
    let indexed: PostSet
    /// Tag spellings by number, as the lists name them (the tag table's names).
    private let tagNames: [String]

    init(file: MappedFile, count: Int, records: Int, strings: Range<Int>, lists: Range<Int>, postOfDocument: Range<Int>,
         indexed: PostSet, tagNames: [String]) {
        precondition(records >= 0 && records + count * PostRecordLayout.size <= file.count, "records inside the file")
        self.file = file
        self.count = count
        self.records = records
        self.strings = strings
        self.lists = lists
        self.postOfDocument = postOfDocument
        self.indexed = indexed
        self.tagNames = tagNames
    }

    private func record(_ number: Int) -> UnsafeRawPointer {
        precondition(number >= 0 && number < count, "post \(number) outside 0..<\(count)")
        return file.base + records + number * PostRecordLayout.size
    }

    private func u32(_ record: UnsafeRawPointer, _ field: Int) -> Int { Int(record.loadUnaligned(fromByteOffset: field, as: UInt32.self)) }

    /// The bytes a record's (offset, length) pair at `field` names inside `area`; empty outside it.
    private func bytes(_ record: UnsafeRawPointer, _ field: Int, in area: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        let offset = u32(record, field), length = u32(record, field + 4)
        guard length <= area.count, offset <= area.count - length else { return file.bytes(area.lowerBound..<area.lowerBound) }
        return file.bytes(area.lowerBound + offset..<area.lowerBound + offset + length)
    }

    private func string(_ record: UnsafeRawPointer, _ field: Int) -> String {
        String(decoding: bytes(record, field, in: strings), as: UTF8.self)
    }

    /// Post `number`, made from its record.
    func post(_ number: Int) -> Post {
        let record = record(number)
        var input = ByteReader(bytes(record, PostRecordLayout.lists, in: lists))
        let tagCount = min(input.varint() ?? 0, input.buffer.count)
        var tags: [String] = []
        tags.reserveCapacity(tagCount)
        for _ in 0..<tagCount {
            guard let tag = input.varint() else { break }
            if tag == 0 {
                guard let spelling = input.string() else { break }
                tags.append(spelling)
            } else if tag <= tagNames.count {
                tags.append(tagNames[tag - 1])
            }
        }
        let authors = names(&input)
        let language = bytes(record, PostRecordLayout.language, in: strings)
        var post = Post(path: string(record, PostRecordLayout.path), slug: string(record, PostRecordLayout.slug),
                        title: string(record, PostRecordLayout.title), date: date(record), tags: tags,
                        summary: string(record, PostRecordLayout.summary),
                        draft: record.load(fromByteOffset: PostRecordLayout.draft, as: UInt8.self) != 0,
                        fileSize: u32(record, PostRecordLayout.fileSize), authors: authors,
                        language: language.isEmpty ? nil : String(decoding: language, as: UTF8.self))
        let aliases = names(&input)
        if !aliases.isEmpty { post.aliases = aliases }
        return post
    }

    /// A count and that many strings; as many as are whole.
    private func names(_ input: inout ByteReader) -> [String] {
        guard let count = input.varint(), count > 0 else { return [] }
        var names: [String] = []
        for _ in 0..<min(count, input.buffer.count) {
            guard let name = input.string() else { break }
            names.append(name)
        }
        return names
    }

    private func date(_ record: UnsafeRawPointer) -> PostDate? {
        let flags = record.load(fromByteOffset: PostRecordLayout.dateFlags, as: UInt8.self)
        guard flags & 1 != 0 else { return nil }
        let byte = { (field: Int) in Int(record.load(fromByteOffset: field, as: UInt8.self)) }
        let time = flags & 2 == 0 ? nil : PostDate.Time(hour: byte(PostRecordLayout.hour), minute: byte(PostRecordLayout.minute),
                                                         second: byte(PostRecordLayout.second), nanosecond: u32(record, PostRecordLayout.nanosecond))
        let offset = flags & 4 == 0 ? nil : Int(record.loadUnaligned(fromByteOffset: PostRecordLayout.utcOffset, as: Int16.self))
        return PostDate(year: Int(record.loadUnaligned(fromByteOffset: PostRecordLayout.year, as: Int32.self)),
                        month: byte(PostRecordLayout.month), day: byte(PostRecordLayout.day), time: time, utcOffsetMinutes: offset)
    }

    /// Post `number`'s path (relative to the folder), without making the post.
    func path(_ number: Int) -> String { string(record(number), PostRecordLayout.path) }

    /// Post `number`'s real file when it is not the usual `realRoot/path`; nil for the usual.
    func absolutePath(_ number: Int) -> String? {
        let bytes = bytes(record(number), PostRecordLayout.absolute, in: strings)
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Post `number`'s document in the search index, if it has one.
    func document(_ number: Int) -> Int64? {
        let stored = record(number).loadUnaligned(fromByteOffset: PostRecordLayout.document, as: UInt64.self)
        return stored == 0 || stored > UInt64(Int64.max) ? nil : Int64(stored - 1)
    }

    /// The post whose document is `document`; nil for none (or a number the file does not hold a post for).
    func post(ofDocument document: Int64) -> Int? {
        guard document >= 0, document < Int64(postOfDocument.count / 4) else { return nil }
        let number = Int((file.base + postOfDocument.lowerBound).loadUnaligned(fromByteOffset: Int(document) * 4, as: Int32.self))
        return number >= 0 && number < count ? number : nil
    }
}
