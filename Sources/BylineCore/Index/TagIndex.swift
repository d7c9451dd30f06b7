/// Every tag of a store with the posts that carry it, so "posts with these tags" and the count of each
/// tag among any set of posts never scan the posts themselves.
package struct TagIndex: Sendable {
    /// One tag: its spellings met as one, and its posts.
    package struct Tag: Hashable, Sendable {
        /// The case-folded key (`TagName.key`).
        package var key: String
        /// The most common spelling; ties go to the spelling that sorts first.
        package var name: String
        package var posts: PostSet
        package var count: Int { posts.count }
    }

    /// By count, most used first, then by name.
    package private(set) var tags: [Tag]
    private var positions: [String: Int]
    /// Columns of the widest tag name (each cut to `ScreenLimits.maximumLineScalars` first), measured
    /// once here: the pane layout asks for it several times a key, and measuring every name each time
    /// cost 80 ms a key with one tag of 50,000 combining marks.
    package let longestNameWidth: Int

    /// Builds the index for `posts` in store order; post numbers are positions in that array.
    package init(posts: [Post]) {
        var spellings: [String: [String: Int]] = [:]
        var members: [String: [Int]] = [:]
        // By index: `enumerated()` copied every post, a retain and release of each of its strings.
        for number in posts.indices {
            for tag in posts[number].tags {
                let key = TagName.key(tag)
                spellings[key, default: [:]][tag, default: 0] += 1
                members[key, default: []].append(number)
            }
        }
        // Sorted with each tag's count beside it: `Tag.count` counts the bits of its set on every
        // comparison, which for one post of 90,000 tags was most of a 3 s load.
        var counted = members.map { key, numbers in
            let name = spellings[key]!.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            return (tag: Tag(key: key, name: name, posts: PostSet(capacity: posts.count, members: numbers)), count: numbers.count)
        }
        counted.sort { a, b in a.count != b.count ? a.count > b.count : TagIndex.byName(a.tag, b.tag) }
        self.init(tags: counted.map(\.tag))
    }

    /// The languages of `posts` as an index of their own, one "tag" per language (`Post.language`), in
    /// the same order: most posts first.
    package init(languagesOf posts: [Post]) {
        var members: [String: [Int]] = [:]
        for number in posts.indices {
            if let language = posts[number].language { members[language, default: []].append(number) }
        }
        let counted = members.map { language, numbers in
            (tag: Tag(key: TagName.key(language), name: language, posts: PostSet(capacity: posts.count, members: numbers)), count: numbers.count)
        }.sorted { a, b in a.count != b.count ? a.count > b.count : TagIndex.byName(a.tag, b.tag) }
        self.init(tags: counted.map(\.tag))
    }

    /// An index already built (a snapshot's, or the one above), in its order.
    init(tags: [Tag]) {
        self.tags = tags
        positions = Dictionary(tags.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        longestNameWidth = tags.reduce(0) { max($0, DisplayWidth.of(LineClip.clipped($1.name))) }
    }

    /// By name, case-insensitively, then by spelling: the order of tags with equal counts.
    static func byName(_ a: Tag, _ b: Tag) -> Bool {
        a.key != b.key ? a.key < b.key : a.name < b.name
    }

    /// The tag for any spelling of its name.
    package func tag(named name: String) -> Tag? {
        positions[TagName.key(TagName.clean(name))].map { tags[$0] }
    }

    /// The tags with these keys (those the index has), in the index's order.
    package func inIndexOrder(_ keys: [String]) -> [Tag] {
        keys.compactMap { positions[$0] }.sorted().map { tags[$0] }
    }

    /// The display spelling of a tag as written in some post.
    package func displayName(_ spelling: String) -> String { tag(named: spelling)?.name ?? spelling }
}
