/// A link target that names a post of the same blog rather than a page elsewhere: a relative path to a
/// `.md`, a Zola `@/path.md`, a Jekyll `post_url` name (`2024-05-01-slug`), a dated permalink
/// (`/2024/04/09/slug.html`), or a site path (`/blog/slug/`, `slug`) that may be a post or another page.
package enum InternalLink {
    package enum Kind: Equatable {
        /// Written to name a post: `check` warns when no post has that name.
        case post
        /// A path on the site: a post when one has that name, else some other page.
        case sitePath
    }

    /// What `target` is, or nil for an outside link, an anchor in the page, or a file such as an image.
    package static func kind(of target: String) -> Kind? {
        if target.hasPrefix("@/") { return .post }
        let path = withoutQueryOrFragment(target)
        guard !path.isEmpty, !path.hasPrefix("//"), !hasScheme(path) else { return nil }
        let parts = path.split(separator: "/")
        guard let last = parts.last else { return .sitePath }
        let dot = last.lastIndex(of: ".")
        let ext = dot.map { last[last.index(after: $0)...].lowercased() }
        if let ext, ["md", "markdown", "mdx"].contains(ext) { return .post }
        if let ext, ext != "html", ext != "htm" { return nil }
        if PostDateParser.datePrefix(of: last) != nil { return .post }
        // `/2024/04/09/slug.html` and `/2024/04/09/slug/`: Jekyll's and Hugo's dated permalinks.
        let digits = parts.map { $0.allSatisfy(\.isNumber) ? $0.count : 0 }
        for start in digits.indices.dropLast(3) where digits[start] == 4 && digits[start + 1] == 2 && digits[start + 2] == 2 { return .post }
        return .sitePath
    }

    /// The name a target gives its post, to compare with `keys(of:)`: the last part of the path
    /// without a date prefix or extension (`index.md` names its folder), in lower case.
    package static func key(of target: String) -> String {
        var parts = withoutQueryOrFragment(target.hasPrefix("@/") ? String(target.dropFirst(2)) : target).split(separator: "/")
        if let last = parts.last, last.hasPrefix("index.") || last.hasPrefix("_index.") || last == "index" { parts.removeLast() }
        return name(parts.last ?? "")
    }

    /// The names a post answers to: its slug, and its file's (or bundle folder's) name.
    package static func keys(of post: Post) -> [String] {
        [post.slug.lowercased(), key(of: post.path)]
    }

    private static func name(_ part: Substring) -> String {
        var base = part
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        if let dated = PostDateParser.datePrefix(of: base), !dated.rest.isEmpty { base = dated.rest }
        return base.lowercased()
    }

    private static func withoutQueryOrFragment(_ target: String) -> String {
        String(target.prefix { $0 != "#" && $0 != "?" })
    }

    /// `https:`, `mailto:`: letters, digits, `+`, `-`, `.` before a colon, starting with a letter.
    private static func hasScheme(_ target: String) -> Bool {
        guard let colon = target.firstIndex(of: ":"), let first = target.first, first.isLetter else { return false }
        return target[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
