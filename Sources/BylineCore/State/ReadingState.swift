/// A post as the reading state knows it: by its slug and its path, both, so that a file renamed with
/// its slug kept (a `git pull` moving posts) and a post whose slug changed in place keep their state.
package struct PostKey: Hashable, Sendable {
    package var slug: String
    package var path: String

    package init(slug: String, path: String) {
        self.slug = slug
        self.path = path
    }

    package init(_ post: Post) {
        self.init(slug: post.slug, path: post.path)
    }
}

/// Where the reader stopped in a post: the first line shown, with the width it was laid out at (a
/// line number means that line only at that width; at another width it is taken in proportion).
package struct ReadingPosition: Hashable, Sendable {
    package var line: Int
    package var width: Int

    package init(line: Int, width: Int) {
        self.line = line
        self.width = width
    }
}

/// What is kept of one post: read, saved, where the reader stopped, when it was last opened.
package struct PostMarks: Hashable, Sendable {
    package var read = false
    package var saved = false
    package var position: ReadingPosition?
    /// Seconds since 1970 (UTC); nil for never opened.
    package var lastOpened: Double?

    package init(read: Bool = false, saved: Bool = false, position: ReadingPosition? = nil, lastOpened: Double? = nil) {
        self.read = read
        self.saved = saved
        self.position = position
        self.lastOpened = lastOpened
    }

    /// Nothing kept: a post in this state needs no row.
    package var isEmpty: Bool { self == PostMarks() }
}

/// One post's marks as the store keeps them, with when it first saw the post (for "new since your
/// last visit": a post first seen after the last visit is new).
package struct StoredPost: Hashable, Sendable {
    package var key: PostKey
    package var marks: PostMarks
    /// Seconds since 1970 when this blog's state first saw the post.
    package var firstSeen: Double

    package init(key: PostKey, marks: PostMarks, firstSeen: Double) {
        self.key = key
        self.marks = marks
        self.firstSeen = firstSeen
    }
}

/// The reading state of one blog as loaded at start: every known post's marks (by path, as the store
/// numbers posts by path) and the time of the visit before this one.
package struct ReadingState: Hashable, Sendable {
    /// By the post's current path.
    package var posts: [String: StoredPost]
    /// Seconds since 1970 of the last visit before this session; nil on a first visit.
    package var lastVisit: Double?
    /// The last visit and this one on the reader's clock, for the welcome line; nil when not taken.
    package var clock: VisitClock?
    /// The marks by post number and the count of new posts, made as the state was loaded, off the
    /// input thread (`PreparedMarks`); nil when not made. Taken by the reducer, not kept.
    package var prepared: PreparedMarks?

    package init(posts: [String: StoredPost] = [:], lastVisit: Double? = nil, clock: VisitClock? = nil) {
        self.posts = posts
        self.lastVisit = lastVisit
        self.clock = clock
    }

    /// The marks of the post at `path` (none kept: all false).
    package func marks(of path: String) -> PostMarks { posts[path]?.marks ?? PostMarks() }
}

/// A change to the reading state, leaving the reducer as an effect (`Effect.saveReadingState`): the
/// marks of each post it touches, each with the fields that changed, written in one short transaction.
package struct ReadingStateChange: Hashable, Sendable {
    package var posts: [Entry]

    /// Which of a post's marks a change writes. Two sessions of one visitor may change the same post
    /// (one saves it while the other reads it): each writes only its own field, so both stand.
    package struct Fields: OptionSet, Hashable, Sendable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }

        package static let read = Fields(rawValue: 1 << 0)
        package static let saved = Fields(rawValue: 1 << 1)
        /// Where the reader stopped (line and width together).
        package static let position = Fields(rawValue: 1 << 2)
        package static let all: Fields = [.read, .saved, .position]
    }

    /// One post's marks as they now stand, and which of them this change writes (`fields`; the others
    /// are written only for a post the store has no row for yet). The time of opening is the store's
    /// to take (`reduce` reads no clock): `opened` asks it to record now; `marks.lastOpened` is not written.
    package struct Entry: Hashable, Sendable {
        package var key: PostKey
        package var marks: PostMarks
        package var fields: Fields
        package var opened: Bool

        package init(key: PostKey, marks: PostMarks, fields: Fields = .all, opened: Bool = false) {
            self.key = key
            self.marks = marks
            self.fields = fields
            self.opened = opened
        }
    }

    package init(_ posts: [Entry]) {
        self.posts = posts
    }
}

/// Where asking for the reading state stands: it is asked for once, for the blog's first posts.
package enum ReadingStateLoad: Hashable, Sendable {
    /// The reader has not started (`.start`).
    case notAsked
    /// The first store was empty: asked for when the loaded blog replaces it.
    case awaitingPosts
    /// Asked of the runtime (`Effect.loadReadingState`), not yet answered.
    case asked
    /// Answered (`.readingStateLoaded`): the list shows read and saved marks from now on.
    case loaded
}
