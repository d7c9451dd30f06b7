/// The posts the reader followed links from and back from, as a browser keeps them: `Backspace`/`B`
/// goes back to where a link was followed, `F` forward again, each to the scroll it was left at.
/// Bounded: a reader who follows links all day keeps the last `limit` steps each way.
package struct ReadingHistory: Hashable, Sendable {
    /// A place in the reader to come back to.
    package struct Visit: Hashable, Sendable {
        /// The post, by its number in the store of `numbering`; found again by `path` in a newer store.
        package var post: Int
        package var path: String
        package var numbering: Int
        /// The first line shown, restored exactly.
        package var scroll: Int
        /// The link that was current there.
        package var currentLink: CurrentLink?

        package init(post: Int, path: String, numbering: Int, scroll: Int, currentLink: CurrentLink? = nil) {
            self.post = post
            self.path = path
            self.numbering = numbering
            self.scroll = scroll
            self.currentLink = currentLink
        }
    }

    /// Steps kept each way: far more than anyone retraces, and a bound on memory.
    package static let limit = 100

    /// Where `B` goes, the most recent last.
    package private(set) var back: [Visit] = []
    /// Where `F` goes, the most recent last.
    package private(set) var forward: [Visit] = []

    package init(back: [Visit] = [], forward: [Visit] = []) {
        self.back = back
        self.forward = forward
    }

    /// A link was followed from `visit`: it is where back goes, and the way forward is forgotten.
    mutating func followed(from visit: Visit) {
        Self.push(visit, on: &back)
        forward = []
    }

    /// Going back from `current`: the visit to show, `current` being where forward then goes.
    mutating func goBack(from current: Visit) -> Visit? {
        guard let visit = back.popLast() else { return nil }
        Self.push(current, on: &forward)
        return visit
    }

    /// Going forward from `current`: the visit to show, `current` being where back then goes.
    mutating func goForward(from current: Visit) -> Visit? {
        guard let visit = forward.popLast() else { return nil }
        Self.push(current, on: &back)
        return visit
    }

    private static func push(_ visit: Visit, on stack: inout [Visit]) {
        stack.append(visit)
        if stack.count > limit { stack.removeFirst(stack.count - limit) }
    }
}
