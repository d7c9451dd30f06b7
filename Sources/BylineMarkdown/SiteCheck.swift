import BylineCore
@preconcurrency import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// `check`'s warnings about site syntax: links between posts that point at no post, and shortcodes
/// byline shows as written because it does not know them. Each at its line in the file.
package enum SiteCheck {
    package static func diagnostics(_ store: PostStore) -> [Diagnostic] {
        var names: Set<String> = []
        for post in store.posts { names.formUnion(InternalLink.keys(of: post)) }
        let numbers = Array(store.posts.indices)
        return ParallelMap.map(numbers) { [names] number -> [Diagnostic] in
            guard case let .success(body) = store.limitedBody(of: number) else { return [] }
            let file = store.posts[number].path
            // A `.md` page that is not a post (`../about.md`) is no broken link when its file is there.
            let folder = store.realRoot + "/" + file.split(separator: "/").dropLast().joined(separator: "/")
            return diagnostics(body, file: file, postNames: names) { target in
                let path = target.prefix { $0 != "#" && $0 != "?" }
                return access(path.hasPrefix("/") ? store.realRoot + path : folder + "/" + path, F_OK) == 0
            }
        }.flatMap { $0 }
    }

    /// The warnings for one post's body; `postNames` are the names of the blog's posts (`InternalLink.keys`),
    /// and `fileExists` says whether a target names a file of the site that is not a post.
    package static func diagnostics(_ body: PostLoader.Body, file: String, postNames: Set<String>,
                                    fileExists: (String) -> Bool = { _ in false }) -> [Diagnostic] {
        let prepared = SiteSyntax.prepare(body.bytes, mdx: body.mdx)
        let lineOffset = body.firstLine - 1
        var found: [Diagnostic] = prepared.unknownShortcodes.map { line, name in
            Diagnostic(file: file, line: lineOffset + line, severity: .warning, kind: .unknownShortcode,
                       message: "unknown shortcode `\(VisibleText.escapeLine(name))`: byline cannot show what it makes")
        }
        guard prepared.bytes.contains(UInt8(ascii: "]")) else { return found }
        for (line, target) in linkTargets(prepared.bytes) where InternalLink.kind(of: target) == .post {
            guard !postNames.contains(InternalLink.key(of: target)), !fileExists(target) else { continue }
            found.append(Diagnostic(file: file, line: lineOffset + line, severity: .warning, kind: .brokenLink,
                                    message: "broken link between posts: `\(VisibleText.escapeLine(target))` points at no post of this blog"))
        }
        return found.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    /// Each link's target with the line of the body it starts on.
    static func linkTargets(_ bytes: ArraySlice<UInt8>) -> [(line: Int, target: String)] {
        let document = CmarkDocument(bytes)
        return withExtendedLifetime(document) {
            CmarkWalk(document.root).compactMap { event, node in
                event == .enter && node.cmarkType == CMARK_NODE_LINK ? (Int(cmark_node_get_start_line(node)), node.url) : nil
            }
        }
    }
}
