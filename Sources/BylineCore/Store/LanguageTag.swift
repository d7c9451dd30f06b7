/// A post's language as a BCP 47 tag (`en`, `pt-BR`, `zh-Hans`), from what blogs write: a `lang` field,
/// a language folder (`content/fr/`, `fr/_posts/`, `_posts/fr/`, `src/content/blog/fr/`) or Hugo's
/// `name.fr.md`; and the reader's own, from the locale.
package enum LanguageTag {
    /// `pt_BR`, `PT-br`, `zh-hans` as `pt-BR`, `zh-Hans` (language lower case, script title case, region
    /// upper case); a locale's codeset and modifier (`.UTF-8`, `@euro`) are dropped. Nil when the text
    /// is not shaped like a tag (`C`, `POSIX`, `english`). At most `maximumLength` bytes: a longer tag keeps
    /// its first subtags (`zh-Hant-TW` is `zh-Hant`), which are what a blog's translations differ by.
    package static func normalized(_ text: some StringProtocol) -> String? {
        let tag = text.prefix { $0 != "." && $0 != "@" }
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(isASCIILetter) else { return nil }
        var result = language.lowercased()
        for part in parts.dropFirst() {
            guard result.utf8.count + 1 + part.utf8.count <= maximumLength else { break }
            guard (1...8).contains(part.count), part.allSatisfy({ isASCIILetter($0) || $0.isASCII && $0.isNumber }) else { return nil }
            if part.count == 4, part.allSatisfy(isASCIILetter) {
                result += "-" + part.prefix(1).uppercased() + part.dropFirst().lowercased()
            } else if part.count == 2 || part.count == 3 && part.allSatisfy(\.isNumber) {
                result += "-" + part.uppercased()
            } else {
                result += "-" + part.lowercased()
            }
        }
        return result
    }

    /// Bytes a tag keeps, so that a post holds its language in one word (`packed`).
    static let maximumLength = 8

    /// A normalized tag's bytes in one word, the first in the lowest byte; 0 for none.
    static func packed(_ tag: String?) -> UInt64 {
        guard let tag else { return 0 }
        var word: UInt64 = 0
        for (index, byte) in tag.utf8.prefix(maximumLength).enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
        return word
    }

    /// The tag `packed` made.
    static func unpacked(_ word: UInt64) -> String? {
        guard word != 0 else { return nil }
        var rest = word
        var bytes: [UInt8] = []
        while rest != 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A folder or file-name part that names a language: a two-letter ISO 639-1 code, with at most a
    /// script and a region (`fr`, `pt-br`, `zh-hans`). Unlike a `lang` field, a name must be a known code:
    /// a folder called `posts` or `blog` is no language.
    package static func fromName(_ name: some StringProtocol) -> String? {
        guard name.utf8.count <= 10, let tag = normalized(name) else { return nil }
        let subtags = tag.split(separator: "-")
        return subtags.count <= 3 && isoCodes.contains(String(subtags[0])) ? tag : nil
    }

    /// The language a folder's place gives its posts, for the folder `relative` (to the posts folder)
    /// in a site of `layout`: the folder just under the content (`content/fr/`, `src/content/blog/fr/`,
    /// a plain folder's `fr/` or `src/fr/`), or Jekyll's beside `_posts` (`fr/_posts/`, `_posts/fr/`).
    package static func ofFolder(_ relative: String, layout: SiteLayout) -> String? {
        let parts = relative.split(separator: "/")
        var places: [Int] = []
        switch layout {
        case .hugoOrZola: places = [1]
        case .astro: places = [3]
        case .plain: places = parts.first == "src" ? [1] : [0]
        case .jekyll:
            places = [0]
            if let posts = parts.firstIndex(where: { $0 == "_posts" || $0 == "_drafts" }) { places.append(posts + 1) }
        }
        for place in places where place < parts.count {
            if let tag = fromName(parts[place]) { return tag }
        }
        return nil
    }

    /// Hugo's and Zola's `name.fr` (a file name without its extension): the name without the language,
    /// and the language. Nil when the last part after a dot is not a language.
    package static func splitName(_ stem: String) -> (name: String, language: String)? {
        guard let dot = stem.lastIndex(of: "."), dot != stem.startIndex, let tag = fromName(stem[stem.index(after: dot)...]) else { return nil }
        return (String(stem[..<dot]), tag)
    }

    /// The language a Hugo or Zola site gives a page that names none (`post.md` beside `post.fr.md`): its
    /// configuration's top-level `defaultContentLanguage` (Hugo, any case) or `default_language` (Zola),
    /// read line by line, in TOML, YAML or JSON. Nil when the configuration sets none: then nothing is guessed.
    package static func siteDefault(configuration text: Substring) -> String? {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            // Top-level keys only: TOML has no indentation, YAML nests by it; JSON's keys are quoted.
            guard trimmed.count == line.count || trimmed.first == "\"" else { continue }
            let key = trimmed.prefix { $0 != "=" && $0 != ":" }.filter { $0 != "\"" && $0 != " " && $0 != "\t" }.lowercased()
            guard key == "defaultcontentlanguage" || key == "default_language", key.count < trimmed.count else { continue }
            let value = trimmed.dropFirst(trimmed.prefix { $0 != "=" && $0 != ":" }.count + 1)
                .filter { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "\t" && $0 != "," }
            return normalized(value)
        }
        return nil
    }

    /// The reader's language: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set (as the C
    /// library picks the language of messages), when it names one (`C` and `POSIX` do not).
    package static func ofLocale(_ environment: (String) -> String?) -> String? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment(name), !value.isEmpty else { continue }
            return normalized(value)
        }
        return nil
    }

    /// Whether a post in `tag` is in the language `wanted` names: `pt` takes `pt` and `pt-BR`, `pt-BR`
    /// only `pt-BR` (case aside, `pt_BR` as well).
    package static func matches(_ tag: String, _ wanted: String) -> Bool {
        guard let wanted = normalized(wanted) else { return false }
        return tag == wanted || tag.hasPrefix(wanted + "-")
    }

    /// Of `tags` (a blog's languages), the one the reader's `wanted` (`fr-FR`) asks for: the same tag, else
    /// the one of the same language (`fr`) when only one is. Nil when the blog has none of it.
    package static func best(of tags: [String], for wanted: String) -> String? {
        if tags.contains(wanted) { return wanted }
        let language = wanted.prefix { $0 != "-" }
        let same = tags.filter { $0.prefix { $0 != "-" } == language }
        return same.count == 1 ? same[0] : same.first(where: { $0 == language })
    }

    /// Of `tags` (a blog's languages), those a reader in `wanted` reads as their own: every one of the
    /// same language, whatever its region (`fr`, `fr-FR` and `fr-CA` for a reader in `fr-FR`, or in `fr`).
    package static func sameLanguage(in tags: [String], as wanted: String) -> [String] {
        let language = wanted.prefix { $0 != "-" }
        return tags.filter { $0.prefix { $0 != "-" } == language }
    }

    private static func isASCIILetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }

    /// ISO 639-1: the two-letter language codes.
    static let isoCodes: Set<String> = Set("""
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es \
        et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki \
        kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no \
        nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te \
        tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.split(separator: " ").map(String.init))
}
