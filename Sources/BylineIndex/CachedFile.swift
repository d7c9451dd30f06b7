import BylineCore

/// One file of a blog as the cache remembers it: when it was read (size and modification time) and
/// what reading it gave: a post (nil when the file could not be used) and its diagnostics.
package struct CachedFile: Sendable, Equatable {
    /// Relative to the posts folder, as in `Post.path` and `Diagnostic.file`.
    package var path: String
    /// The real file.
    package var absolutePath: String
    package var stamp: FileStamp
    /// The post's document in the full-text index; nil when it is not indexed.
    package var document: Int64?
    /// As the loader read it (tags in the file's own spelling).
    package var post: Post?
    package var diagnostics: [Diagnostic]

    var loaded: PostStore.LoadedFile {
        PostStore.LoadedFile(path: path, absolutePath: absolutePath, stamp: stamp, post: post, diagnostics: diagnostics)
    }
}

/// Diagnostics and tags as single text columns. Unit and record separators cannot occur in them once
/// replaced (messages are one line of ours; tags are cleaned text).
enum CacheText {
    static let unit: Character = "\u{1F}"
    static let record: Character = "\u{1E}"

    static func tags(_ tags: [String]) -> String { tags.map(clean).joined(separator: String(unit)) }
    static func tags(from text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: unit, omittingEmptySubsequences: false).map(String.init)
    }

    static func diagnostics(_ list: [Diagnostic]) -> String {
        list.map { d in
            [clean(d.file), d.line.map(String.init) ?? "", d.column.map(String.init) ?? "", d.severity.rawValue, d.kind.rawValue,
             clean(d.message)]
                .joined(separator: String(unit))
        }.joined(separator: String(record))
    }

    static func diagnostics(from text: String) -> [Diagnostic] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: record).compactMap { record in
            let fields = record.split(separator: unit, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let severity = Diagnostic.Severity(rawValue: fields[3]),
                  let kind = Diagnostic.Kind(rawValue: fields[4]) else { return nil }
            return Diagnostic(file: fields[0], line: Int(fields[1]), column: Int(fields[2]), severity: severity, kind: kind, message: fields[5])
        }
    }

    private static func clean(_ text: String) -> String {
        guard text.contains(where: { $0 == unit || $0 == record }) else { return text }
        return String(text.map { $0 == unit || $0 == record ? " " : $0 })
    }
}
