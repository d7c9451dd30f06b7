/// A file that only sends readers elsewhere: front matter with a redirect key and no body, as
/// jekyll-redirect-from (`redirect_to:`), other themes (`redirect:`) and Hugo pages with only `aliases`
/// write them. It is no post: its name opens the post it points to (`PostStore.aliases`).
package struct RedirectStub: Hashable, Sendable {
    /// Where it points, as written (a URL, a path or a slug); nil for a page with only `aliases`.
    package var target: String?
    /// The line of the redirect key, for `check`.
    package var line: Int?

    package init(target: String?, line: Int?) {
        self.target = target
        self.line = line
    }

    /// The slug a URL, path or slug names, as a store's key (lower-cased): the last component without
    /// a query, fragment or page extension (`/blog/2024/05/01/new-post.html?x#y` is `new-post`);
    /// nil when nothing is left (`/`).
    package static func slug(of url: String) -> String? {
        var text = Substring(url.trimmed)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        guard var last = text.split(separator: "/").last else { return nil }
        for suffix in [".html", ".htm", ".md", ".markdown"] where last.lowercased().hasSuffix(suffix) {
            last = last.dropLast(suffix.count)
            break
        }
        // `/2024/05/01/post/index.html` names its folder.
        if last.lowercased() == "index", let folder = text.split(separator: "/").dropLast().last { last = folder }
        // A Jekyll post's name with its date (`2024-05-01-new-post`) is the post's slug without it.
        if let dated = PostDateParser.datePrefix(of: last), !dated.rest.isEmpty { last = dated.rest }
        return last.isEmpty ? nil : last.lowercased()
    }
}
