/// What a search that reads bodies has settled so far. It reads its candidates in list order, so the
/// posts it has found are already the first of its final results, in their final order: the reader
/// shows them at once instead of waiting for the last body of a large blog.
package struct SearchPartial: Hashable, Sendable {
    package var query: PostQuery
    /// The matches among the posts numbered up to `settledThrough`, in list order.
    package var found: [Int]
    /// Every post numbered up to this one is settled, found or not (-1: none yet).
    package var settledThrough: Int
    /// Bodies read, and bodies to read.
    package var done: Int
    package var total: Int
}
