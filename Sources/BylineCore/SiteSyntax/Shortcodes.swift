/// What byline makes of the template tags it knows, as markdown: embeds as links to the real page,
/// figures as images, references to other posts as their paths. Everything else stays as written
/// (and is dimmed by the renderer).
enum Shortcodes {
    /// Hugo shortcodes byline renders; any other is reported by `check`.
    static let knownHugo: Set<Substring> = ["highlight", "comment", "figure", "youtube", "vimeo", "gist", "tweet", "ref", "relref", "baseurl"]

    /// The markdown for `tag` where it stands; `inTarget` says it is (part of) a link target.
    /// Nil leaves the tag as written.
    static func replacement(for tag: TemplateTag, inTarget: Bool) -> String? {
        let name = tag.name
        switch tag.delimiter {
        case .mdxComment:
            // `{/* more */}` is MDX's way to write `<!--more-->`.
            return tag.inner == "more" ? "<!--more-->" : ""
        case .hugoAngle, .hugoPercent:
            // `{{</* x */>}}` is how Hugo's authors show a shortcode as written.
            if tag.inner.hasPrefix("/*"), tag.inner.hasSuffix("*/"), tag.inner.count >= 4 {
                let shown = String(tag.inner.dropFirst(2).dropLast(2)).strippingEnds(" \t")
                return tag.delimiter == .hugoAngle ? "{{< \(shown) >}}" : "{{% \(shown) %}}"
            }
            let (positional, named) = tag.arguments
            switch name {
            case "ref", "relref": return positional.first.map(postPath) ?? ""
            case "baseurl": return ""
            case "figure": return figure(named)
            case "youtube", "vimeo", "gist", "tweet": return embed(String(name), positional, named)
            default: return nil
            }
        case .liquidTag:
            let argument = tag.arguments.positional.first
            switch name {
            case "link": return argument ?? ""
            case "post_url": return argument.map(postPath) ?? ""
            case "raw", "endraw": return ""
            default: return nil
            }
        case .output:
            guard inTarget else { return nil }
            // `{{ site.url }}{{ site.baseurl }}/blog/x.html` is `/blog/x.html` on the site, and
            // `{{ "/about/" | relative_url }}` is `/about/`.
            if name.hasPrefix("site.") || name.hasPrefix("page.") { return "" }
            guard let quote = tag.inner.first, quote == "\"" || quote == "'" else { return nil }
            return String(tag.inner.dropFirst().prefix { $0 != quote })
        }
    }

    /// A post named without its extension (`post_url 2024-01-01-x`, Hugo's `ref "x"`), as a path to its file.
    static func postPath(_ name: String) -> String {
        let last = name.split(separator: "/").last ?? ""
        return name.isEmpty || last.contains(".") || name.hasSuffix("/") ? name : name + ".md"
    }

    /// `{{< figure src= alt= caption= >}}` as an image, the caption after it.
    private static func figure(_ named: [String: String]) -> String? {
        guard let source = named["src"] else { return nil }
        let alt = named["alt"] ?? named["caption"] ?? named["title"] ?? ""
        var text = "![\(escaped(alt))](\(target(source)))"
        if let caption = named["caption"], named["alt"] != nil { text += " " + escaped(caption) }
        return text
    }

    /// Hugo's embeds as a link to the page they embed.
    private static func embed(_ name: String, _ positional: [String], _ named: [String: String]) -> String? {
        let id = named["id"] ?? positional.last
        guard let id, !id.isEmpty else { return nil }
        let (label, url): (String, String)
        switch name {
        case "youtube": (label, url) = ("YouTube video", "https://www.youtube.com/watch?v=" + id)
        case "vimeo": (label, url) = ("Vimeo video", "https://vimeo.com/" + id)
        case "gist":
            guard positional.count >= 2 else { return nil }
            (label, url) = ("Gist \(positional[0])/\(positional[1])", "https://gist.github.com/\(positional[0])/\(positional[1])")
        default:
            let user = named["user"] ?? (positional.count >= 2 ? positional[0] : "i")
            (label, url) = (user == "i" ? "Tweet" : "Tweet by \(user)", "https://twitter.com/\(user)/status/\(id)")
        }
        return "[\(escaped(label))](\(target(url)))"
    }

    /// Text with markdown's punctuation escaped, so it is shown as written.
    private static func escaped(_ text: String) -> String {
        var output = ""
        for character in text where character != "\n" {
            if "\\[]()*_`<>!#".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }

    /// A link destination cmark reads whole: in `<…>`, without what would end it.
    private static func target(_ url: String) -> String {
        "<" + url.filter { $0 != "<" && $0 != ">" && $0 != "\n" } + ">"
    }
}
