import BylineCore
@preconcurrency import Glibc

/// Watches the blog's folder while the reader runs, and calls `changed` once per burst of changes (a
/// post saved, renamed, removed; a `git pull` of a thousand files), so the reader reads the folder
/// again (`Action.folderChanged` → `Effect.refreshBlog`).
///
/// A thread of its own blocks in one `poll` on an inotify descriptor and a stop pipe: no busy loop, no
/// sleeps, no CPU while nothing changes. Every folder is watched (`inotify_add_watch` on each, and on
/// each folder created later) except those `PostFinder` never reads: hidden ones (`.git`) and the
/// machinery of site generators (`node_modules`, `_site`, ...). A burst is coalesced (`BurstCoalescer`),
/// and hands over the files its events named (`ChangedPaths`), so that the refresh reads those alone;
/// what cannot be narrowed to files (a folder's event, an overflow, the site's root) is everything.
///
/// Where inotify cannot serve (no inotify, the watches or descriptors run out: ENOSPC, EMFILE, or
/// more than `maximumWatches` folders), the same thread compares the folder's stamps every
/// `stampSeconds` (longer for a folder so large that this would cost more than `stampShare` of a core) instead: the one timer of the reader, since without inotify nothing else can tell
/// that a file changed. `report` hears why, once.
package final class FolderWatch: @unchecked Sendable {  // the thread alone touches the watch table
    /// Folders watched at most, for one reader: each watch is kernel memory (about 1 KB) counted against
    /// the user's `max_user_watches`, and a restricted reader serves strangers, many at once. Past it
    /// the stamps are compared instead.
    package static let maximumWatches = 4096
    /// How often the stamps are compared when inotify cannot serve.
    package static let stampSeconds = 3.0
    static let events = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    private let root: String
    private let includeDrafts: Bool
    private let changed: @Sendable (ChangedPaths) -> Void
    private let report: @Sendable (String) -> Void
    private let useInotify: Bool
    private let stopper = WakeUp()
    private var thread: pthread_t?
    private var inotify: Int32 = -1
    /// Each watch's folder (absolute).
    private var folders: [Int32: String] = [:]
    /// Watches of a folder alone (a site's root beside its content folder): folders made in it are not watched.
    private var shallow: Set<Int32> = []

    /// Starts watching `folder` (following its real path). `changed` and `report` are called on the
    /// watch's thread, with the files the burst named (`ChangedPaths`; everything when watching by stamps).
    package init(folder: String, includeDrafts: Bool = false, useInotify: Bool = true, changed: @escaping @Sendable (ChangedPaths) -> Void,
                report: @escaping @Sendable (String) -> Void = { _ in }) {
        root = realPath(folder) ?? folder
        self.includeDrafts = includeDrafts
        self.useInotify = useInotify
        self.changed = changed
        self.report = report
        guard stopper.descriptor >= 0 else { return }
        let box = Unmanaged.passRetained(self).toOpaque()
        var created = pthread_t()
        if pthread_create(&created, nil, { raw in
            let watch = Unmanaged<FolderWatch>.fromOpaque(raw!).takeRetainedValue()
            watch.run()
            return nil
        }, box) == 0 {
            thread = created
        } else {
            Unmanaged<FolderWatch>.fromOpaque(box).release()
        }
    }

    /// Stops watching and waits for the thread: nothing is called after. Idempotent; call it from one thread.
    package func stop() {
        guard let running = thread else { return }
        thread = nil
        stopper.signal()
        pthread_join(running, nil)
    }

    private func run() {
        let outcome = watchEvents()
        if inotify >= 0 { close(inotify) }
        inotify = -1
        folders = [:]
        guard case let .cannot(reason) = outcome else { return }
        report("watching the folder by its stamps every \(Int(Self.stampSeconds)) s: \(reason)")
        BackgroundThread.lowerPriority()
        watchStamps()
    }

    private enum Outcome { case stopped, cannot(String) }

    private func watchEvents() -> Outcome {
        guard useInotify else { return .cannot("inotify not used") }
        inotify = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard inotify >= 0 else { return .cannot("inotify unavailable (\(Self.errorName(errno)))") }
        if let trouble = watchFolders() { return .cannot(trouble) }
        var watched = [pollfd(fd: stopper.descriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)]
        var burst = BurstCoalescer()
        // What the burst under way named so far.
        var named: ChangedPaths?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let timeout = burst.due.map { Int32(max(0, (($0 - Monotonic.seconds()) * 1000).rounded(.up))) } ?? -1
            let ready = poll(&watched, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .cannot("poll failed (\(Self.errorName(errno)))")
            }
            if watched[0].revents != 0 { return .stopped }
            if watched[1].revents != 0 {
                while true {
                    let count = read(inotify, &buffer, buffer.count)
                    if count <= 0 { break }
                    switch take(buffer[..<count]) {
                    case .nothing: break
                    case let .some(changes):
                        named = named.map { $0.merged(with: changes) } ?? changes
                        burst.event(at: Monotonic.seconds())
                    case let .cannot(reason): return .cannot(reason)
                    }
                }
            }
            if burst.fire(at: Monotonic.seconds()) {
                changed(named ?? .everything)
                named = nil
            }
        }
    }

    private enum Taken { case nothing, some(ChangedPaths), cannot(String) }

    /// Reads a batch of `inotify_event`s: which may change what the reader shows, and what they name.
    private func take(_ bytes: ArraySlice<UInt8>) -> Taken {
        var taken: ChangedPaths?
        func add(_ changes: ChangedPaths) { taken = taken.map { $0.merged(with: changes) } ?? changes }
        var offset = bytes.startIndex
        let header = 16  // wd, mask, cookie, len: four 32-bit numbers, then the name
        while offset + header <= bytes.endIndex {
            func number(_ at: Int) -> UInt32 {
                UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
            }
            let descriptor = Int32(bitPattern: number(offset))
            let mask = number(offset + 4)
            let length = Int(number(offset + 12))
            let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            let name = String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { add(.everything); continue }
            if mask & UInt32(IN_IGNORED) != 0 { folders[descriptor] = nil; continue }
            guard Self.matters(name) else { continue }
            if !name.isEmpty, mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
               !shallow.contains(descriptor), let parent = folders[descriptor], let trouble = watchTree(parent + "/" + name) {
                return .cannot(trouble)
            }
            add(named(name, mask: mask, in: descriptor))
        }
        return taken.map { .some($0) } ?? .nothing
    }

    /// What one event that matters names: the file, relative to the root, when it is a file's event in
    /// a folder walked for posts; else everything (a folder created, moved or removed, the watched
    /// folder itself, a site's root beside its content folder, whose configuration sets the layout).
    private func named(_ name: String, mask: UInt32, in descriptor: Int32) -> ChangedPaths {
        guard !name.isEmpty, mask & UInt32(IN_ISDIR) == 0, !shallow.contains(descriptor), let folder = folders[descriptor],
              let relative = Self.relative(folder + "/" + name, to: root) else { return .everything }
        return .paths([relative])
    }

    /// `path` relative to `root` (a prefix of it), nil when it is not under it.
    static func relative(_ path: String, to root: String) -> String? {
        guard path.hasPrefix(root + "/") else { return nil }
        let relative = String(path.dropFirst(root.count + 1))
        return relative.isEmpty ? nil : relative
    }

    /// Whether a change to the entry `name` may change the posts (an empty name: the watched folder
    /// itself). Hidden entries (an editor's swap file, rsync's temporary copy before its rename) and
    /// backup files (`post.md~`) do not; folders PostFinder skips are not watched at all.
    static func matters(_ name: String) -> Bool {
        if name.isEmpty { return true }
        if name.hasPrefix(".") || name.hasSuffix("~") { return false }
        return !SiteLayout.machineryFolders.contains(name)
    }

    /// Watches the folders PostFinder walks: a site generator's content folder (Hugo's `content/`, not
    /// its `public/` output) with the root alone beside it (its configuration), else the whole root.
    private func watchFolders() -> String? {
        // Only the names that decide the layout are kept: a folder of 100,000 posts listed whole here
        // left ~12 MB of freed memory in this thread's malloc arena for the reader's whole session.
        var names = Set<String>()
        Self.forEachEntry(of: root) { name, _ in if SiteLayout.decides(name) { names.insert(name) } }
        let layout = SiteLayout.detect(names: names) { Self.isFolder(root + "/" + $0) }
        guard let content = layout.contentFolder, Self.isFolder(root + "/" + content) else { return watchTree(root) }
        return watchTree(root, recursively: false) ?? watchTree(root + "/" + content)
    }

    /// Watches `top` and (`recursively`) every folder under it, as PostFinder would walk them; why it
    /// cannot, if so.
    private func watchTree(_ top: String, recursively: Bool = true) -> String? {
        var pending = [top]
        while let folder = pending.popLast() {
            if folders.count >= Self.maximumWatches { return "more than \(Self.maximumWatches) folders to watch" }
            let watch = inotify_add_watch(inotify, folder, Self.events | UInt32(IN_ONLYDIR))
            if watch < 0 {
                let error = errno
                // Gone already, or not readable: nothing to watch there. Out of watches or memory: no inotify.
                if error == ENOENT || error == EACCES || error == ENOTDIR { continue }
                return "inotify cannot watch more folders (\(Self.errorName(error)))"
            }
            guard folders.updateValue(folder, forKey: watch) == nil else { continue }  // seen: a link loop
            if recursively { pending += Self.subfolders(of: folder) } else { shallow.insert(watch) }
        }
        return nil
    }

    /// The folders in `folder` PostFinder may walk (links to folders followed, as it does).
    static func subfolders(of folder: String) -> [String] {
        var found: [String] = []
        forEachEntry(of: folder) { name, type in
            guard !name.hasPrefix("."), !SiteLayout.machineryFolders.contains(name) else { return }
            let path = folder + "/" + name
            if type == UInt8(DT_DIR) { found.append(path) }
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN), isFolder(path) { found.append(path) }
        }
        return found
    }

    /// Each name in `folder` with its type (`d_type`), `.` and `..` left out, handed on as read: no
    /// listing of the folder is kept, so a folder of 100,000 posts costs one name at a time.
    static func forEachEntry(of folder: String, _ body: (String, UInt8) -> Void) {
        guard let listing = opendir(folder) else { return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { body(name, entry.pointee.d_type) }
        }
    }

    /// Whether `path` is a folder, following links.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Without inotify: the posts' paths and stamps compared every `stampSeconds`, at idle priority; a
    /// folder whose comparison takes long (100,000 posts: most of a second) is compared less often, so that
    /// it costs at most a tenth of a core (`stampShare`).
    private func watchStamps() {
        var (last, took) = timedFingerprint()
        var stop = [pollfd(fd: stopper.descriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            let wait = max(Self.stampSeconds, took / Self.stampShare)
            let ready = poll(&stop, 1, Int32(wait * 1000))
            if ready > 0 { return }
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            let now: Int
            (now, took) = timedFingerprint()
            if now != last {
                last = now
                changed(.everything)
            }
        }
    }

    /// The most of one core the stamp comparison takes, for a large folder.
    static let stampShare = 0.1

    private func timedFingerprint() -> (Int, Double) {
        let start = Monotonic.seconds()
        let found = fingerprint()
        return (found, Monotonic.seconds() - start)
    }

    /// What the reader's posts are on disk, in one number: each post file's path and stamp. Taken as
    /// the walk finds them, in any order (a sum of each file's hash), so that no list of every file is
    /// made every few seconds; a folder with a symlink, which that walk cannot take, is listed whole.
    private func fingerprint() -> Int {
        var count = 0
        var sum = 0
        let walked = PostFinder.walkKeepingNothing(root: root, includeDrafts: includeDrafts) { candidate in
            var file = Hasher()
            file.combine(candidate.path)
            file.combine(FileStamp(path: candidate.absolutePath))
            sum &+= file.finalize()
            count += 1
            return true
        }
        var hasher = Hasher()
        guard walked == nil else {
            hasher.combine(count)
            hasher.combine(sum)
            return hasher.finalize()
        }
        let found = PostFinder.find(root: root, includeDrafts: includeDrafts)
        hasher.combine(found.candidates.count)
        for candidate in found.candidates {
            hasher.combine(candidate.path)
            hasher.combine(FileStamp(path: candidate.absolutePath))
        }
        return hasher.finalize()
    }

    static func errorName(_ number: Int32) -> String {
        switch number {
        case ENOSPC: return "ENOSPC: no inotify watches left"
        case EMFILE: return "EMFILE: no inotify instances or descriptors left"
        case ENOMEM: return "ENOMEM"
        case ENOSYS: return "ENOSYS"
        default: return "errno \(number)"
        }
    }
}
