#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import BylineMarkdown

/// The reader for `TERM=dumb`: no cursor movement, only lines. Posts are listed with numbers; a number
/// shows that post as plain text, `/words` searches, `q` quits. Everything printed is terminal-safe.
struct DumbTerminalSession {
    let store: PostStore
    let blogName: String
    let idleTimeout: Int?

    /// Longest line read from the client; a longer one is cut, never buffered without bound.
    static let maximumLineLength = 1024

    func run() {
        let width = TerminalWidth.ofStandardOutput() ?? TerminalWidth.fromEnvironment() ?? 80
        var listed = Array(store.posts.indices)
        printList(listed)
        while true {
            Console.out("\nnumber to read, /words to search, l to list, q to quit> ")
            guard let line = readLine() else { return }
            let command = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            switch command {
            case "q", "quit", "exit": return
            case "", "l", "list":
                listed = Array(store.posts.indices)
                printList(listed)
            default:
                if command.hasPrefix("/") {
                    listed = store.matches(PostQuery(search: String(command.dropFirst())))
                    printList(listed)
                } else if let number = Int(command), (1...max(1, listed.count)).contains(number), !listed.isEmpty {
                    show(listed[number - 1], width: width)
                } else {
                    Console.out(VisibleText.escapeLine("no post \"\(command)\"; type a number from the list") + "\n")
                }
            }
        }
    }

    private func printList(_ numbers: [Int]) {
        Console.out("\(VisibleText.escapeLine(blogName)): \(numbers.count) of \(store.posts.count) posts\n\n")
        for (index, number) in numbers.enumerated() {
            let post = store.posts[number]
            let date = post.date?.dayString ?? "          "
            Console.out("\(index + 1). \(date)  \(VisibleText.escapeLine(post.title))\n")
        }
    }

    private func show(_ number: Int, width: Int) {
        guard case let .success(body) = store.limitedBody(of: number) else {
            Console.out("cannot read this post\n")
            return
        }
        let lines = PreviewContent.lines(store.posts[number], LoadedPost(body), width: width, glyphs: .ascii)
        Console.out("\n" + PlainText.render(lines))
    }

    /// A line from standard input, waiting at most the idle timeout; nil at end of input or when idle.
    private func readLine() -> String? {
        var bytes: [UInt8] = []
        while bytes.count < Self.maximumLineLength {
            if let idleTimeout {
                var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(idleTimeout * 1000))
                if ready == 0 {
                    Console.out("\nbyline: closed after \(idleTimeout) seconds without input\n")
                    return nil
                }
                if ready < 0 { if errno == EINTR { continue } else { return nil } }
            }
            var byte: UInt8 = 0
            let count = read(0, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A || byte == 0x0D { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
