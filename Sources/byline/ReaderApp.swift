import BylineCore
import BylineMarkdown
import BylineTerminal

/// The interactive reader's runtime: reads keys, feeds actions to the pure reducer, performs the
/// effects it asks for, and paints each new frame. Everything the user sees is decided in BylineCore.
struct ReaderApp {
    let store: PostStore
    let blogName: String
    let theme: Theme

    /// Milliseconds between wake-ups when no key arrives, to notice signals and a vanished terminal.
    static let pollMilliseconds = 500

    /// Runs until the user quits or the terminal goes away; returns the exit status.
    func run() -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal.start(theme: theme)
        } catch {
            Console.error("cannot start the terminal interface: \(error)")
            return 1
        }
        defer { terminal.stop() }

        var state = AppState(store: store, blogName: blogName, width: terminal.width, height: terminal.height, glyphs: theme.glyphs)
        var pending = Reducer.reduce(&state, .resize(width: terminal.width, height: terminal.height))
        while true {
            // Effects may answer with actions, which may ask for more effects.
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .quit: return 0
                case .redraw: terminal.invalidate()
                case let .loadBody(post): pending += Reducer.reduce(&state, loadBody(post))
                case let .search(query): pending += Reducer.reduce(&state, .searchFinished(query: query, results: store.matches(query)))
                }
            }
            terminal.paint(AppView.render(state))
            switch terminal.readEvent(timeoutMilliseconds: ReaderApp.pollMilliseconds) {
            case let .key(key):
                state.note = nil
                if let action = Keymap.action(for: key, in: state.keyContext) { pending = Reducer.reduce(&state, action) }
            case let .resize(width, height):
                pending = Reducer.reduce(&state, .resize(width: width, height: height))
            case .timeout:
                continue
            case .hangup:
                return 129
            case let .signal(number):
                return 128 + number
            }
        }
    }

    /// Reads and parses a post's body: the only disk work the reader does after start-up.
    func loadBody(_ post: Int) -> Action {
        switch store.body(of: post) {
        case let .success(body):
            return .bodyLoaded(post: post, LoadedPost(document: MarkdownDocument.parse(body), words: WordCount.count(body)))
        case let .failure(error):
            return .bodyFailed(post: post, message: error.description)
        }
    }
}
