/// Which static-site generator's folder byline was pointed at, and so where its posts live.
///
/// Pointing byline at a site's root works as well as pointing it at the posts: Hugo and Zola keep posts
/// under `content/`, Astro under `src/content/`, Jekyll in `_posts/` folders, Eleventy anywhere but its
/// own folders. A plain folder of markdown is read whole.
package enum SiteLayout: String, Sendable, CaseIterable {
    /// Hugo or Zola: a config file beside `content/`.
    case hugoOrZola
    /// Jekyll: `_config.yml` or a `_posts/` folder; only files under `_posts/` (and `_drafts/`) are posts.
    case jekyll
    /// Astro: `astro.config.*` with `src/content/`.
    case astro
    /// A plain folder (Eleventy too: its own folders are skipped by name).
    case plain

    /// Folders that hold a site's machinery, never posts.
    package static let machineryFolders: Set<String> = ["node_modules", "_site", "_includes", "_layouts", "_data", "_sass"]

    /// Repository documents at the top of a folder, not posts.
    static let repositoryDocuments: Set<String> = ["readme", "changelog", "license", "contributing", "code_of_conduct"]

    /// Detects the layout from the names at the top of `root`.
    package static func detect(names: Set<String>, isDirectory: (String) -> Bool) -> SiteLayout {
        if names.contains("content"), isDirectory("content"), hugoConfigs.contains(where: names.contains) { return .hugoOrZola }
        if names.contains("_posts"), isDirectory("_posts") { return .jekyll }
        if names.contains("_config.yml") || names.contains("_config.yaml") { return .jekyll }
        if names.contains(where: { $0.hasPrefix("astro.config.") }), names.contains("src") { return .astro }
        return .plain
    }

    /// Whether `name`, at the top of a folder, is one `detect` looks at: a walk gathers these alone, not
    /// every name of a folder of 100,000 posts.
    package static func decides(_ name: String) -> Bool {
        ["content", "_posts", "_config.yml", "_config.yaml", "src"].contains(name) || hugoConfigs.contains(name)
            || name.hasPrefix("astro.config.")
    }

    /// Hugo's configuration files, by the names it looks for; Zola's is `config.toml`.
    static let hugoConfigs = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"]

    /// The folder under the root where the walk starts.
    package var contentFolder: String? {
        switch self {
        case .hugoOrZola: return "content"
        case .astro: return "src/content"
        case .jekyll, .plain: return nil
        }
    }
}
