@testable import BylineCore

/// A snapshot held whole, for the tests: the cache streams the parts (`StoreSnapshot.encode(_:each:)`)
/// and decodes them straight from SQLite's buffers (`StoreSnapshot.Decoder`), so only tests need these.
extension StoreSnapshot {
    /// A snapshot: a header (the folder, problems, tags) and the posts in chunks.
    struct Encoded: Equatable, Sendable {
        var header: [UInt8]
        var chunks: [[UInt8]]
    }

    /// The bytes of `store` (with `documentIDs`, or the store's own), `postsPerChunk` posts a chunk.
    static func encode(_ store: PostStore, documentIDs: [Int64?]? = nil, postsPerChunk: Int = postsPerChunk) -> Encoded {
        var parts: [[UInt8]] = []
        encode(store, documentIDs: documentIDs, postsPerChunk: postsPerChunk) { parts.append($0) }
        return Encoded(header: parts[0], chunks: Array(parts.dropFirst()))
    }

    /// The store in `encoded`, opened at `root` (as the user named it), or nil when it is not a snapshot.
    static func decode(_ encoded: Encoded, root: String) -> (store: PostStore, documentIDs: [Int64?])? {
        var decoder = encoded.header.withUnsafeBufferPointer { Decoder(header: $0, root: root) }
        for chunk in encoded.chunks {
            guard chunk.withUnsafeBufferPointer({ decoder?.add(chunk: $0) }) == true else { return nil }
        }
        return decoder?.finish()
    }
}
