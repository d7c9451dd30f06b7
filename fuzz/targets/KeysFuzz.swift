// libFuzzer target: the reader's key path without a terminal. Bytes become what `wget_wch` hands over
// (characters, function-key codes, any 24-bit value) and window sizes; `KeyDecoder` turns them into
// keys, `Keymap` into actions, `Reducer` into a state and effects (performed here as the runtime
// performs them), and `AppView.render` into a `Screen` at each frame, as ReaderApp does.
//
// BylineTerminal's KeyDecoder is pure but for ncurses' KEY_* numbers; it is linked with ncursesw and
// no terminal is opened. The blog is the shipped posts/ with one hostile post added (see `hostilePost`).
//
// Input, one event after another (a byte's high bits choose the event, the bytes after it its data):
//   00-7F         a character value (ASCII and C0 controls: Esc, Enter, Backspace, Ctrl-keys)
//   80-9F c       a function-key code 0x100 + c (arrows, paging, F-keys, Backspace, Delete...)
//   A0-BF a b c   a character value from 24 bits (CJK, emoji, combining marks, surrogates, > U+10FFFF)
//   C0-CF w w h h a window of (w % 1001) x (h % 501): the terminal bounds what a client claims to
//                 1000x500 before the reducer sees it (issue 15); the pty test sends the huge sizes
//   D0-DF n c     a paste: n * 16 + 1 copies of the character value picked by c from `pasteCharacters`,
//                 as keys in one frame
//   E0-EF         the runtime's own actions: input idle (prefetch), redraw, a note, a store reload
//   F0-FF         a frame: the screen is rendered (and at the end of the input)
// Rendering is the costly step; at most `maximumFrames` per input (and `maximumCells` in all), so a
// run measures the work per key rather than the cost of painting.
import BylineCore
import BylineMarkdown
import BylineTerminal
#if canImport(Glibc)
import Glibc
#endif

/// Frames rendered per input at most, and cells in all of them (eight frames of the largest window):
/// more repeats the same work and only slows the fuzzer down.
private let maximumFrames = 16
private let maximumCells = 8 * 1000 * 500
/// Characters a paste is made of: ASCII, a combining mark, a wide CJK character, an emoji, a
/// zero-width joiner, a right-to-left letter, a space, a tab, Esc, DEL, a C1 control, a newline.
private let pasteCharacters: [UInt32] = [0x61, 0x301, 0x65E5, 0x1F389, 0x200D, 0x5D0, 0x20, 0x09, 0x1B, 0x7F, 0x85, 0x0A]

/// A post with what slows or breaks a reader's layout: a title of combining marks, CJK and emoji,
/// many tags, a long one among them, and a body with a table, a long URL and deep nesting.
private let hostilePost: String = {
    let combining = "e" + String(repeating: "\u{301}", count: 300)
    let tags = (0..<40).map { "tag\($0)" } + [combining, "日本語タグ", "🎉" + String(repeating: "\u{200D}🎉", count: 20)]
    let url = "https://example.com/" + String(repeating: "a", count: 2000)
    return """
    ---
    title: "\(combining) 日本語 🎉 \u{5D0}\u{5D1}"
    tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]
    date: 2024-04-09
    ---
    # \(combining)

    | a | 日本 | 🎉 |
    |---|:---:|---:|
    | \(combining) | x | [link](\(url)) |

    \(String(repeating: "> ", count: 40))deep

    - a
      - b
        - c [^1]

    [^1]: note \u{1B}[31m red \u{7}

    """
}()

/// The fuzz blog: the shipped posts copied into a folder of this process, and the hostile post.
private let store: PostStore = {
    var template = Array((scratchRoot() + "/byline-fuzz-keys-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a scratch folder: \(errno)") }
    let folder = String(cString: made)
    let shipped = getenv("BYLINE_FUZZ_POSTS").map { String(cString: $0) } ?? repositoryPosts()
    guard let directory = opendir(shipped) else { fatalError("cannot read \(shipped): set BYLINE_FUZZ_POSTS") }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        guard name.hasSuffix(".md"), case let .success(file) = PostFile.read(shipped + "/" + name) else { continue }
        write(folder + "/" + name, file.bytes)
    }
    closedir(directory)
    write(folder + "/zz-hostile.md", Array(hostilePost.utf8))
    scratch = folder
    atexit { removeScratch() }
    do {
        let loaded = try PostStore.load(root: folder, inspector: CmarkBodyInspector())
        guard loaded.posts.count >= 15 else { fatalError("the fuzz blog has \(loaded.posts.count) posts") }
        return loaded
    } catch {
        fatalError("cannot load the fuzz blog: \(error)")
    }
}()

/// The fuzz blog's folder, removed at exit.
private nonisolated(unsafe) var scratch = ""

private func removeScratch() {
    guard !scratch.isEmpty, let directory = opendir(scratch) else { return }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        if name != ".", name != ".." { unlink(scratch + "/" + name) }
    }
    closedir(directory)
    rmdir(scratch)
}

/// posts/ beside fuzz/, found from this file's place in the repository.
private func repositoryPosts() -> String {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path + "/posts"
}

private func write(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0, bytes.withUnsafeBytes({ WholeWrite.write($0, to: fd) }) else { fatalError("cannot write \(path)") }
    close(fd)
}

/// Each post's body as text, read once. Parsed documents are not kept across inputs: LeakSanitizer
/// cannot follow Swift's enum payload pointers (their spare bits hold the case), so a document held
/// by a global reads as leaked whenever a leak check runs.
private let bodyTexts: [String?] = (0..<store.posts.count).map { number in
    guard case let .success(body) = store.body(of: number) else { return nil }
    return body
}

/// Reads events from the input bytes.
private struct Events {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func byte() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func number(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let next = byte() else { return nil }
            value = value << 8 | Int(next)
        }
        return value
    }
}

/// One reader session: the state, and the effects it asks for, performed as ReaderApp performs them
/// (synchronously here: bodies from `bodies`; the last search asked for, at the next frame).
private struct Session {
    var state: AppState
    /// The view's layouts between frames, as ReaderApp keeps them.
    let cache = ViewCache()
    var frames = 0
    var cells = 0
    var serial = 1
    var quit = false

    init(width: Int, height: Int) {
        state = AppState(store: store, blogName: "fuzz", width: width, height: height)
        perform(AppView.apply(to: &state, cache, .resize(width: width, height: height)))
    }

    mutating func send(_ action: Action) {
        guard !quit else { return }
        perform(AppView.apply(to: &state, cache, action))
    }

    mutating func key(_ value: UInt32, function: Bool) {
        guard let key = KeyDecoder.decode(value, isFunctionKey: function),
              let action = Keymap.action(for: key, in: state.keyContext) else { return }
        send(action)
    }

    mutating func perform(_ effects: [Effect]) {
        var pending = effects
        var rounds = 0
        while !pending.isEmpty, !quit {
            rounds += 1
            // Each effect answers with actions that settle; a loop of effects asking for effects is a bug.
            guard rounds < 10_000 else { fatalError("effects never settle: \(pending.prefix(4))") }
            switch pending.removeFirst() {
            case .quit, .interrupt:
                quit = true
            case .prepareTitleOrder:
                // Done in the background by the runtime; here at once.
                _ = state.store.titleOrder
            case .redraw, .copyToClipboard, .loadBlog, .refreshBlog, .loadReadingState, .saveReadingState:
                // The fuzzed reader starts on the whole blog (`.start(.complete)`): nothing to load or refresh.
                continue
            case let .loadBody(post):
                pending += AppView.apply(to: &state, cache, answer(post))
            case let .prefetchBodies(posts):
                for post in posts { pending += AppView.apply(to: &state, cache, answer(post)) }
            case let .search(query):
                // The runtime searches in the background and drops a search typed past: one per frame.
                search = query
            }
        }
    }

    /// The search the runtime would run next, done at the frame.
    var search: PostQuery?

    mutating func finishSearch() {
        guard let query = search else { return }
        search = nil
        guard query == state.query else { return }
        perform(AppView.apply(to: &state, cache, .searchFinished(query: query, results: state.store.matches(query))))
    }

    /// Bodies parsed in this session, as the runtime keeps the bodies it has parsed.
    var bodies: [Int: LoadedPost] = [:]

    private mutating func answer(_ post: Int) -> Action {
        guard post >= 0, post < bodyTexts.count, let text = bodyTexts[post] else { return .bodyFailed(post: post, message: "unreadable") }
        if let body = bodies[post] { return .bodyLoaded(post: post, body) }
        let body = LoadedPost(markdown: text)
        bodies[post] = body
        return .bodyLoaded(post: post, body)
    }

    /// Renders a frame and checks what a terminal would be handed.
    mutating func frame() {
        finishSearch()
        let area = max(0, state.width) * max(0, state.height)
        guard !quit, frames < maximumFrames, cells + area <= maximumCells else { return }
        frames += 1
        cells += area
        let screen = AppView.render(state, cache)
        guard screen.width == max(0, state.width), screen.height == max(0, state.height) else {
            fatalError("a \(screen.width)x\(screen.height) screen for a \(state.width)x\(state.height) window")
        }
        for cell in screen.cells {
            guard cell.width <= 2 else { fatalError("a cell \(cell.width) columns wide") }
            for scalar in cell.text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                fatalError("control U+\(String(scalar.value, radix: 16)) in a cell: it would reach the terminal")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func keysFuzzEntry(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    Watchdog.run { keysFuzz(data, count) }
}

func keysFuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var events = Events(bytes: UnsafeBufferPointer(start: data, count: data == nil ? 0 : count))
    var session = Session(width: 120, height: 40)
    while !session.quit, let event = events.byte() {
        switch event {
        case 0x00...0x7F:
            session.key(UInt32(event), function: false)
        case 0x80...0x9F:
            guard let code = events.byte() else { break }
            session.key(0x100 + UInt32(code), function: true)
        case 0xA0...0xBF:
            guard let value = events.number(3) else { break }
            session.key(UInt32(value), function: false)
        case 0xC0...0xCF:
            guard let width = events.number(2), let height = events.number(2) else { break }
            session.send(.resize(width: width % 1001, height: height % 501))
        case 0xD0...0xDF:
            guard let repeats = events.byte(), let pick = events.byte() else { break }
            let value = pasteCharacters[Int(pick) % pasteCharacters.count]
            for _ in 0...(Int(repeats) * 16) { session.key(value, function: false) }
        case 0xE0...0xE3:
            session.send(.inputIdle)
        case 0xE4...0xE7:
            session.send(.note("a note \u{1B}[2J with an escape"))
        case 0xE8...0xEB:
            session.serial += 1
            session.send(.storeReplaced(StoreUpdate(store, serial: session.serial)))
        case 0xEC...0xEF:
            session.send(.redraw)
        default:
            session.frame()
        }
    }
    session.frame()
    return 0
}
