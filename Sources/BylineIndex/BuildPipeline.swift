import BylineCore
import Dispatch

/// A cache build's two stages side by side: while SQLite inserts one chunk of files on the calling
/// thread, the next chunk is read from disk and normalized (`SearchText`) on another. Reading and
/// normalizing the bodies took as long as inserting their words, and one waited for the other.
/// At most two chunks exist at once (the one inserted, the one made), so memory stays bounded by the
/// chunk, never by the blog.
enum BuildPipeline {
    /// Calls `consume(range, rows, isLast)` for each chunk of `chunk` positions of `0..<count`, in order,
    /// on the calling thread. With `beside`, `rows` of the next chunk runs on another thread meanwhile;
    /// without, each chunk's rows are made just before it is consumed (one core: the reader's own
    /// indexing behind its screen, which must leave the other core to the reader).
    static func run<Row: Sendable>(count: Int, chunk: Int, beside: Bool, rows: (_ range: Range<Int>) -> [Row],
                                   consume: (_ range: Range<Int>, _ rows: [Row], _ isLast: Bool) throws -> Void) throws {
        let ranges = stride(from: 0, to: count, by: max(1, chunk)).map { $0..<min($0 + max(1, chunk), count) }
        guard let first = ranges.first else { return }
        guard beside else {
            for (index, range) in ranges.enumerated() { try consume(range, rows(range), index == ranges.count - 1) }
            return
        }
        try withoutActuallyEscaping(rows) { rows in
            // Called by one thread at a time: each chunk's maker is waited for before the next starts.
            let make = UnsafeSendable(rows)
            var current = rows(first)
            for (index, range) in ranges.enumerated() {
                let made = Made<Row>()
                let group = DispatchGroup()
                if index + 1 < ranges.count {
                    let next = ranges[index + 1]
                    DispatchQueue.global(qos: .userInitiated).async(group: group) { made.rows = make.value(next) }
                }
                do {
                    try consume(range, current, index == ranges.count - 1)
                } catch {
                    // The maker uses `rows`, which must not outlive this call.
                    group.wait()
                    throw error
                }
                group.wait()
                current = made.rows
            }
        }
    }
}

/// The next chunk's rows, written by its maker and read after it is waited for.
private final class Made<Row>: @unchecked Sendable {
    var rows: [Row] = []
}
