/// What a search that reads bodies has settled so far. It reads its candidates in list order, so the
/// posts it has found are already the first of its final results, in their final order: the reader
/// shows them at once instead of waiting for the last body of a large blog.
public struct SearchPartial: Hashable, Sendable {
    public var query: PostQuery
    /// The matches among the posts numbered up to `settledThrough`, in list order.
    public var found: [Int]
    /// Every post numbered up to this one is settled, found or not (-1: none yet).
    public var settledThrough: Int
    /// Bodies read, and bodies to read.
    public var done: Int
    public var total: Int

    public init(query: PostQuery, found: [Int], settledThrough: Int, done: Int, total: Int) {
        self.query = query
        self.found = found
        self.settledThrough = settledThrough
        self.done = done
        self.total = total
    }
}
