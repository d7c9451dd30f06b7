#if canImport(Glibc)
import Glibc
#endif

/// Walks a posts folder and decides which files are posts, following the layouts blogs already have.
///
/// - `.md`, `.markdown`, `.mdx`, recursively; hidden files and folders are skipped.
/// - A folder holding `index.md` is one post (a Hugo or Zola page bundle); other markdown under it are
///   its resources. `_index.md` is a section page and a top-level `index.md` a listing page: not posts.
/// - Jekyll: only files under `_posts/` count; `_drafts/` only with drafts.
/// - Symlinks are followed only while they stay inside the folder, and a folder is never read twice,
///   so a link loop ends. Anything that is not a regular file or folder is reported and skipped.
package struct PostFinder {
    /// A file that is a post, and what its place says about it.
    package struct Candidate: Equatable, Sendable {
        /// Relative to the posts folder, `/`-separated, as the user sees it.
        package var path: String
        /// The real file to open.
        package var absolutePath: String
        /// The name the post is known by when its front matter gives no slug: the file name, or the
        /// folder name of a bundle, without extension.
        package var baseName: String
        /// Found under `_drafts/`.
        package var inDrafts: Bool
        /// The language its place gives it: a language folder, or Hugo's `name.fr.md` (`LanguageTag`).
        package var language: String? = nil
    }

    package static let extensions: Set<String> = ["md", "markdown", "mdx"]

    let root: String
    let includeDrafts: Bool
    private(set) var diagnostics: [Diagnostic] = []
    private var visitedFolders: Set<FileID> = []
    private var visitedFiles: Set<FileID> = []
    private var trackingIdentity = false
    var realRoot = ""
    var layout = SiteLayout.plain
    /// A Hugo or Zola site's default language, for pages whose name and folder name none.
    var siteLanguage: String?

    /// Finds the posts under `root` (an absolute or relative folder path), giving way to keys
    /// between entries when handed a `giveWay` (behind the reader's screen).
    package static func find(root: String, includeDrafts: Bool, giveWay: GiveWay? = nil)
        -> (candidates: [Candidate], diagnostics: [Diagnostic], layout: SiteLayout) {
        var candidates: [Candidate] = []
        let walked = walk(root: root, includeDrafts: includeDrafts, giveWay: giveWay) { candidates.append($0) }
        candidates.sort { $0.path < $1.path }
        return (candidates, walked.diagnostics, walked.layout)
    }

    /// Walks `root` as `find` does, handing each post file to `each` as soon as it is found (in walk
    /// order, not sorted), so that loading can start before the walk ends.
    static func walk(root: String, includeDrafts: Bool, giveWay: GiveWay? = nil,
                     each: (Candidate) -> Void) -> (diagnostics: [Diagnostic], layout: SiteLayout) {
        withoutActuallyEscaping(each) { each in
            var finder = PostFinder(root: root, includeDrafts: includeDrafts, giveWay: giveWay, found: each)
            finder.run()
            return (finder.diagnostics, finder.layout)
        }
    }

    /// Walks `root` as `walk` does, keeping nothing of the files it hands to `each`: memory that does not
    /// grow with the blog, for a check that falls back to a full walk. `each` returns false to stop the walk.
    /// Returns nil when the walk stopped before its end: `each` asked it to, or it met a symlink (telling a
    /// file reached twice from one reached once would need every file found before it).
    package static func walkKeepingNothing(root: String, includeDrafts: Bool, giveWay: GiveWay? = nil,
                                           each: (Candidate) -> Bool) -> (diagnostics: [Diagnostic], layout: SiteLayout)? {
        withoutActuallyEscaping(each) { each in
            var finder = PostFinder(root: root, includeDrafts: includeDrafts, giveWay: giveWay, found: { _ in })
            finder.keepsFound = false
            finder.goesOn = each
            finder.run()
            return finder.stopped ? nil : (finder.diagnostics, finder.layout)
        }
    }

    /// Slept on between entries, by work behind the reader's screen.
    private let giveWay: GiveWay?
    /// Told of each candidate as it is found.
    private let found: (Candidate) -> Void
    /// Told of each candidate as it is found, when the walk may be stopped (`walkKeepingNothing`).
    private var goesOn: ((Candidate) -> Bool)?
    /// Whether the files found are remembered (`foundPaths`); without them the walk stops at a symlink.
    private var keepsFound = true
    /// The walk ended before its end (`walkKeepingNothing`).
    private var stopped = false
    /// The files handed to `found` so far.
    private var foundPaths: [String] = []

    init(root: String, includeDrafts: Bool, giveWay: GiveWay?, found: @escaping (Candidate) -> Void) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.giveWay = giveWay
        self.found = found
    }

    private mutating func run() {
        guard let real = realPath(root) else { return }
        realRoot = real
        let top = listFolder(real)
        layout = SiteLayout.detect(names: Set(top.lazy.map(\.name).filter(SiteLayout.decides))) { isFolder(real + "/" + $0) }
        var start = ""
        if let content = layout.contentFolder, isFolder(real + "/" + content) { start = content }
        if layout == .hugoOrZola {
            siteLanguage = Self.siteLanguage(realRoot: real) { name in top.contains { $0.name == name } }
        }
        // A plain folder is walked from the listing just taken: for 100,000 posts in one folder, a
        // second listing cost 40 ms more.
        walk(relative: start, topListing: start.isEmpty ? top : nil)
    }

    /// A Hugo or Zola site's default language, from the first of its configuration files it `has`.
    static func siteLanguage(realRoot real: String, has: (String) -> Bool) -> String? {
        guard let config = SiteLayout.hugoConfigs.first(where: has),
              case let .success(read) = PostFile.read(real + "/" + config, limit: 64 * 1024) else { return nil }
        return LanguageTag.siteDefault(configuration: Substring(decoding: read.bytes, as: UTF8.self))
    }

    /// One entry of a folder listing.
    struct Entry { var name: String; var type: UInt8 }

    /// Iterative depth-first walk, so deep trees cannot overflow the stack.
    private mutating func walk(relative start: String, topListing: [Entry]?) {
        var pending = [start]
        var topListing = topListing
        while !stopped, let relative = pending.popLast() {
            let absolute = relative.isEmpty ? realRoot : realRoot + "/" + relative
            guard let id = FileID(path: absolute), visitedFolders.insert(id).inserted else { continue }
            let entries = topListing.take() ?? listFolder(absolute)
            let isTop = relative.isEmpty || relative == layout.contentFolder
            let inDrafts = relative.split(separator: "/").contains("_drafts")
            let folderLanguage = LanguageTag.ofFolder(relative, layout: layout) ?? siteLanguage

            if !isTop, let index = entries.first(where: { isIndexName($0.name) }),
               layout != .jekyll || isUnderPosts(relative) {
                let bundle = String(relative.split(separator: "/").last ?? "")
                addFile(relative: join(relative, index.name), absolute: absolute + "/" + index.name,
                        baseName: bundle, inDrafts: inDrafts, language: folderLanguage)
                // Hugo's translations of a bundle: `index.fr.md` beside `index.md`.
                for entry in entries where entry.name.hasPrefix("index.") {
                    guard let dot = lastDot(entry.name), isMarkdownExtension(entry.name, dot: dot),
                          let translation = LanguageTag.splitName(String(entry.name[..<dot])), translation.name == "index" else { continue }
                    addFile(relative: join(relative, entry.name), absolute: absolute + "/" + entry.name,
                            baseName: bundle, inDrafts: inDrafts, language: translation.language)
                }
                continue
            }
            // Files are taken in name order so that, of two ways to one file (a symlink, a hard link), the
            // same one is kept every time. Where that cannot arise (only plain files and folders here, and
            // no symlink met yet) they are taken as the folder lists them: for a folder of 100,000 posts,
            // loading then starts without waiting for the names to be sorted. Subfolders are always sorted.
            let inListedOrder = !trackingIdentity && entries.allSatisfy { entry in
                entry.name.hasPrefix(".") || entry.type == UInt8(DT_REG) || entry.type == UInt8(DT_DIR)
            }
            var subfolders: [(name: String, relative: String)] = []
            for entry in inListedOrder ? entries : entries.sorted(by: { $0.name > $1.name }) {
                if stopped { return }
                giveWay?.point()
                let name = entry.name
                if name.hasPrefix(".") { continue }
                let childRelative = join(relative, name)
                let childAbsolute = absolute + "/" + name
                switch classify(entry, absolute: childAbsolute, relative: childRelative) {
                case .folder:
                    if SiteLayout.machineryFolders.contains(name) { continue }
                    if name == "_drafts", !includeDrafts { continue }
                    subfolders.append((name, childRelative))
                case .file:
                    addFileIfPost(name: name, relative: childRelative, absolute: childAbsolute, isTop: isTop, inDrafts: inDrafts,
                                  folderLanguage: folderLanguage)
                case .other:
                    if isMarkdown(name) {
                        report(childRelative, "not a regular file; skipped")
                    }
                case .skip:
                    continue
                }
            }
            if inListedOrder { subfolders.sort { $0.name > $1.name } }
            pending += subfolders.map(\.relative)
        }
    }

    /// A regular file `name` of a folder that is no bundle, handed on when it is a post (the walk's
    /// rule for each file, and `decide`'s for one file named alone).
    mutating func addFileIfPost(name: String, relative: String, absolute: String, isTop: Bool, inDrafts: Bool, folderLanguage: String?) {
        // The name is split once: a large folder has many thousands of them.
        guard let dot = lastDot(name), isMarkdownExtension(name, dot: dot) else { return }
        let stem = String(name[..<dot])
        if isTop, stem == "index" || SiteLayout.repositoryDocuments.contains(stem.lowercased()) { return }
        if stem == "_index" { return }
        if layout == .jekyll, !isUnderPosts(relative) { return }
        // Hugo's `name.fr.md`: the post `name`, in French.
        let named = stem.utf8.contains(0x2E) ? LanguageTag.splitName(stem) : nil
        addFile(relative: relative, absolute: absolute, baseName: named?.name ?? stem, inDrafts: inDrafts,
                language: named?.language ?? folderLanguage)
    }

    private enum Kind { case folder, file, other, skip }

    /// What an entry is, following a symlink only when it stays inside the posts folder.
    private mutating func classify(_ entry: Entry, absolute: String, relative: String) -> Kind {
        var type = entry.type
        if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
            var info = stat()
            guard lstat(absolute, &info) == 0 else { return .skip }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                startTrackingIdentity()
                if stopped { return .skip }
                guard let target = realPath(absolute) else {
                    if isMarkdown(entry.name) { report(relative, "symlink leads nowhere (broken or a loop); skipped") }
                    return .skip
                }
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    report(relative, "symlink leads outside the posts folder; not followed")
                    return .skip
                }
                guard stat(absolute, &info) == 0 else { return .skip }
            }
            type = dirType(info.st_mode)
        }
        switch type {
        case UInt8(DT_DIR): return .folder
        case UInt8(DT_REG): return .file
        default: return .other
        }
    }

    private mutating func addFile(relative: String, absolute: String, baseName: String, inDrafts: Bool, language: String?) {
        if stopped { return }
        if trackingIdentity {
            guard let id = FileID(path: absolute), visitedFiles.insert(id).inserted else { return }
        }
        let candidate = Candidate(path: relative, absolutePath: absolute, baseName: baseName, inDrafts: inDrafts, language: language)
        if let goesOn {
            if !goesOn(candidate) { stopped = true }
            return
        }
        // Handed on, not kept: only the paths are needed later, should a symlink turn up.
        foundPaths.append(absolute)
        found(candidate)
    }

    /// A file can be reached twice only through a symlink, so files are identified (one `stat` each)
    /// only once the walk has met one: a plain folder of 100,000 posts needs no `stat` per post.
    private mutating func startTrackingIdentity() {
        guard !trackingIdentity else { return }
        guard keepsFound else {
            stopped = true
            return
        }
        trackingIdentity = true
        for path in foundPaths {
            if let id = FileID(path: path) { visitedFiles.insert(id) }
        }
    }

    private mutating func report(_ relative: String, _ message: String) {
        diagnostics.append(Diagnostic(file: relative, severity: .warning, kind: .folder, message: message))
    }

    func isUnderPosts(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/")
        return parts.contains("_posts") || parts.contains("_drafts")
    }

    func isMarkdown(_ name: String) -> Bool {
        guard let dot = lastDot(name) else { return false }
        return isMarkdownExtension(name, dot: dot)
    }

    private func isMarkdownExtension(_ name: String, dot: String.Index) -> Bool {
        PostFinder.extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The last `.` of a name, when it is not the first character. An ASCII name is searched by bytes,
    /// where bytes are characters; any other by characters, as a `.` joined to a combining mark is no `.`.
    private func lastDot(_ name: String) -> String.Index? {
        let dot = name.utf8.allSatisfy({ $0 < 0x80 }) ? name.utf8.lastIndex(of: 0x2E) : name.lastIndex(of: ".")
        guard let dot, dot != name.startIndex else { return nil }
        return dot
    }

    func isIndexName(_ name: String) -> Bool {
        guard let dot = lastDot(name) else { return false }
        return name[..<dot] == "index" && isMarkdownExtension(name, dot: dot)
    }

    private func join(_ folder: String, _ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }

    func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func dirType(_ mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        default: return UInt8(DT_FIFO)
        }
    }

    func listFolder(_ path: String) -> [Entry] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var entries: [Entry] = []
        while let pointer = readdir(folder) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append(Entry(name: name, type: pointer.pointee.d_type))
        }
        return entries
    }
}

/// The absolute path with every symlink resolved, or nil when it does not resolve.
package func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// A file's identity (device and inode), to notice the same file or folder reached twice.
struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64

    /// The identity of what `path` leads to (symlinks followed).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
