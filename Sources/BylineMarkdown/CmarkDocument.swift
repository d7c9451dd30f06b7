@preconcurrency import CCmarkGFM
import Synchronization

/// A markdown document parsed by cmark-gfm with the GFM extensions byline renders (tables,
/// strikethrough, autolinks, task lists) and footnotes. Owns the tree; frees it when released.
final class CmarkDocument {
    let root: OpaquePointer

    /// The extensions attached to every parser, by their cmark-gfm names.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// From bytes that are well-formed UTF-8: a string's, or a cleaned post body's.
    init(_ utf8: some Collection<UInt8>) {
        root = utf8.withContiguousStorageIfAvailable(Self.parse) ?? Array(utf8).withUnsafeBufferPointer(Self.parse)
    }

    /// cmark-gfm 0.29 keeps the characters its inline extensions look for (`~`, `|`, `:`, `w`) in one
    /// table for the whole process, and every parse switches them on as its inline pass starts and off
    /// as it ends (also for each table row, while reading blocks): two parses at once lose each other's
    /// strikethrough, links and cells (github/cmark-gfm#176; ConcurrentParseTests). So one parse at a
    /// time; walking the finished trees needs no lock.
    private static let parsing = Mutex(())

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> OpaquePointer {
        _ = registerExtensions
        // No smart punctuation: text and template code are shown as written.
        let options = CMARK_OPT_FOOTNOTES
        return parsing.withLock { _ in
            // cmark's own allocator (`cmark_get_default_mem_allocator`): the tree is freed in `deinit`.
            let parser = cmark_parser_new(options)!
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
            }
            utf8.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
            // The tree is the caller's alone: nothing else holds a pointer into it.
            nonisolated(unsafe) let root: OpaquePointer = cmark_parser_finish(parser)
            return root
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// cmark-gfm's extension node types exist only after registration, once per process.
    private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()
}

/// Walks a node's subtree without recursion, so 10,000 nested quotes cannot overflow the stack.
struct CmarkWalk: Sequence, IteratorProtocol {
    enum Event { case enter, exit }
    private let iterator: OpaquePointer

    init(_ node: OpaquePointer) { iterator = cmark_iter_new(node) }

    mutating func next() -> (event: Event, node: OpaquePointer)? {
        let event = cmark_iter_next(iterator)
        switch event {
        case CMARK_EVENT_ENTER: return (.enter, cmark_iter_get_node(iterator))
        case CMARK_EVENT_EXIT: return (.exit, cmark_iter_get_node(iterator))
        default:
            cmark_iter_free(iterator)
            return nil
        }
    }
}

extension OpaquePointer {
    var cmarkType: cmark_node_type { cmark_node_get_type(self) }
    var cmarkLiteral: String { cmark_node_get_literal(self).map { String(cString: $0) } ?? "" }

    /// The node's text with markup removed: text and code kept, breaks as spaces, images and HTML dropped.
    var cmarkPlainText: String {
        var text = ""
        var skipDepth = 0
        for (event, node) in CmarkWalk(self) {
            let type = node.cmarkType
            // An image's alt text is inside it; inline HTML is a leaf whose literal is not taken below.
            if type == CMARK_NODE_IMAGE {
                skipDepth += event == .enter ? 1 : -1
                continue
            }
            guard event == .enter, skipDepth == 0 else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.cmarkLiteral
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}
