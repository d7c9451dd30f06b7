import BylineTestSupport
import Foundation

/// A deterministic blog for comparing the cache with a plain scan: tags in several spellings, drafts,
/// bundles, posts without a title, broken front matter, CJK and emoji, words sharing prefixes.
enum GeneratedBlog {
    static let vocabulary = [
        "latency", "later", "lattice", "latent", "queue", "query", "quick", "go", "golang", "gopher", "rust", "rusty",
        "p99", "tail", "token", "bucket", "cache", "cached", "caching", "index", "indexes", "reader", "reading", "東京",
        "中文", "日本語", "Äpfel", "σοφία", "naïve", "café", "x86", "2024", "alpha", "beta", "gamma", "delta",
    ]
    static let tags = ["Go", "go", "Rust", "backend", "Backend", "career", "ops", "machine learning", "日本", "tools", "notes", "web"]

    /// Writes `count` posts into `folder`; returns the relative paths written.
    @discardableResult
    static func write(_ count: Int, into folder: TempFolder, seed: UInt64 = 42) throws -> [String] {
        var random = SplitMix(seed: seed)
        var paths: [String] = []
        for number in 0..<count {
            let kind = random.next(100)
            let path: String
            switch number % 7 {
            case 3: path = "bundles/post-\(number)/index.md"
            case 5: path = "2024/0\(number % 9 + 1)/post-\(number).md"
            default: path = "post-\(number).md"
            }
            var text = ""
            let title = (0..<(1 + random.next(4))).map { _ in vocabulary[random.next(vocabulary.count)] }.joined(separator: " ")
            let postTags = (0..<random.next(4)).map { _ in tags[random.next(tags.count)] }
            if kind < 5 {
                text = "---\ntitle: [unclosed\n---\nBroken front matter \(title).\n"
            } else if kind < 10 {
                text = "# \(title)\n\nNo front matter at all, \(vocabulary[random.next(vocabulary.count)]).\n"
            } else {
                text = "---\ntitle: \"\(title) \(number)\"\n"
                if random.next(3) > 0 { text += "date: 20\(10 + random.next(15))-0\(1 + random.next(9))-1\(random.next(10))\n" }
                if !postTags.isEmpty { text += "tags: [\(postTags.map { "\"\($0)\"" }.joined(separator: ", "))]\n" }
                if random.next(10) == 0 { text += "draft: true\n" }
                if random.next(2) == 0 { text += "summary: A post about \(vocabulary[random.next(vocabulary.count)]).\n" }
                text += "---\n\n"
            }
            for _ in 0..<(1 + random.next(6)) {
                let words = (0..<(3 + random.next(30))).map { _ in vocabulary[random.next(vocabulary.count)] }
                switch random.next(6) {
                case 0: text += "```go\nfunc \(words[0])() { return \"\(words.joined(separator: "-"))\" }\n```\n\n"
                case 1: text += "- **\(words[0])** and `\(words[1])`\n- 🙂 \(words.dropFirst(2).joined(separator: " "))\n\n"
                case 2: text += "| a | b |\n|---|---|\n| \(words[0]) | \(words[1]) |\n\n"
                default: text += words.joined(separator: random.next(2) == 0 ? " " : ", ") + ".\n\n"
                }
            }
            try folder.write(path, text)
            paths.append(path)
        }
        return paths
    }

    /// Queries worth asking of such a blog: word prefixes from one letter up, several words, words in
    /// one term (`go-lang`), CJK, words found nowhere.
    static var queries: [String] {
        var all: [String] = []
        for word in vocabulary {
            let letters = Array(word)
            for length in Set([1, 2, 3, letters.count]) where length <= letters.count { all.append(String(letters.prefix(length))) }
        }
        all += ["latency go", "q rust", "go-lang", "go-gopher", "token-bucket", "東京 中文", "京", "文", "語",
                "ÄPFEL", "ΣΟΦΊΑ", "nothing-like-this", "zz", "lat que ind", "🙂", "p9", "2024 x8", "machine", "learn"]
        return all
    }
}
