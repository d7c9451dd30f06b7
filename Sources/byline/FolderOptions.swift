import ArgumentParser
import BylineCore
import BylineIndex
import BylineMarkdown

/// The posts folder argument and the options every command that reads a blog shares.
struct FolderOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The posts folder (default: ./posts if it exists, else .).", valueName: "PATH"))
    var path: String?

    @Flag(help: "Include drafts (draft: true, published: false, _drafts/).")
    var drafts = false

    /// The folder to read: the argument, else `./posts` when it exists, else `.`.
    var resolvedPath: String { path ?? PostsFolder.defaultPath() }

    /// Loads the store or exits with status 2 and one line on standard error.
    func loadStore(includeDrafts: Bool? = nil) throws -> PostStore {
        try PostsFolder.load(resolvedPath, options: PostStore.Options(includeDrafts: includeDrafts ?? drafts))
    }

    /// The same, through the folder's cache when there is one: only new and changed files are read, and
    /// searches are answered by its index. Commands never write a cache (the reader and `index` do).
    func loadStore(cache: CacheOptions) throws -> PostStore {
        guard let real = realPath(resolvedPath),
              let file = cache.file(forFolder: real, includeDrafts: drafts), FileSystem.exists(file) else { return try loadStore() }
        let blog = CachedBlog(root: resolvedPath, includeDrafts: drafts, inspector: CmarkBodyInspector(),
                              policy: .init(path: file, writable: false))
        return try PostsFolder.orExit { () throws(PostStore.OpenError) in try blog.freshStore(startingFrom: blog.cachedStore()) }
    }
}

/// Where posts are when no folder is named, and loading them for a command.
enum PostsFolder {
    static func defaultPath() -> String {
        FileSystem.isFolder("posts") ? "posts" : "."
    }

    /// The store for `path`, or exit status 2 with one line on standard error.
    static func load(_ path: String, options: PostStore.Options) throws -> PostStore {
        try orExit { () throws(PostStore.OpenError) in try PostStore.load(root: path, options: options, inspector: CmarkBodyInspector()) }
    }

    /// What `open` returns (a store, a scan), or exit status 2 with its error on one line on standard error.
    static func orExit<T>(_ open: () throws(PostStore.OpenError) -> T) throws -> T {
        do {
            return try open()
        } catch {
            throw Console.failure(error.description)
        }
    }
}
