/// Where a key is pressed, for the binding table.
package enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case tags, list, preview, reader, help
    /// The search prompt in the browsing screen.
    case search
    /// The find prompt in the reader.
    case find
    /// The reader's outline of headings, over its text.
    case outline

    /// The three panes of the browsing screen.
    package static let browse: Set<KeyContext> = [.tags, .list, .preview]

    /// Its name where the help and the README say where a key applies.
    var scopeName: String { self == .tags ? "tag pane" : rawValue }
}

/// One row of the binding table: the keys, what they do, where, and how help describes it.
package struct KeyBinding: Hashable, Sendable {
    package var keys: [Key]
    package var action: Action
    package var contexts: Set<KeyContext>
    /// The help overlay's and the README's words for it.
    package var help: String
    /// The short form for the status line's hints, when it is worth a place there.
    package var hint: String?

    package init(_ keys: [Key], _ action: Action, _ contexts: Set<KeyContext>, help: String, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.contexts = contexts
        self.help = help
        self.hint = hint
    }

    /// The words for where it applies, as the help and the README show them: said from `contexts`, so
    /// they cannot claim more than the key does (Tab and `?` said "everywhere" when written by hand).
    package var scope: String {
        if contexts == Set(KeyContext.allCases) { return "everywhere" }
        if contexts == KeyContext.browse.union([.reader, .help]) { return "any pane" }
        var rest = contexts
        var words: [String] = []
        if KeyContext.browse.isSubset(of: rest) {
            words.append("browse")
            rest.subtract(KeyContext.browse)
        }
        return (words + KeyContext.allCases.filter(rest.contains).map(\.scopeName)).joined(separator: ", ")
    }
}

/// The one binding table. The help overlay, the status line hints and the README's key table come from it.
package enum Keymap {
    package static let bindings: [KeyBinding] = [
        KeyBinding([.tab], .focusNextPane, KeyContext.browse, help: "focus the next pane", hint: "Tab pane"),
        KeyBinding([.backTab], .focusPreviousPane, KeyContext.browse, help: "focus the previous pane"),
        KeyBinding([.character("t")], .focusTags, KeyContext.browse, help: "focus the tag pane"),
        KeyBinding([.character("j"), .down], .moveDown, KeyContext.browse.union([.reader, .help]),
                   help: "move the selection down (scroll in preview and reader)", hint: "j/k move"),
        KeyBinding([.character("k"), .up], .moveUp, KeyContext.browse.union([.reader, .help]),
                   help: "move the selection up (scroll in preview and reader)"),
        KeyBinding([.down], .moveDown, [.search], help: "move the selection while searching", hint: "↓/↑ move"),
        KeyBinding([.up], .moveUp, [.search], help: "move the selection while searching"),
        KeyBinding([.character("g"), .home], .moveToFirst, KeyContext.browse.union([.reader, .help]), help: "first"),
        KeyBinding([.character("G"), .end], .moveToLast, KeyContext.browse.union([.reader, .help]), help: "last"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], .pageDown, [.list, .preview, .reader, .help],
                   help: "page down", hint: "Space page"),
        KeyBinding([.pageUp, .control("u"), .character("b")], .pageUp, [.list, .preview, .reader, .help],
                   help: "page up"),
        KeyBinding([.character(" ")], .toggleRequired, [.tags], help: "toggle the tag as required", hint: "Space require"),
        KeyBinding([.character("x")], .toggleExcluded, [.tags], help: "toggle the tag as excluded", hint: "x exclude"),
        KeyBinding([.character("m")], .toggleMatchMode, [.tags],
                   help: "required tags: all of them (AND) or any of them (OR)", hint: "m AND/OR"),
        KeyBinding([.character("s")], .toggleTagSort, [.tags], help: "sort tags by count or by name"),
        KeyBinding([.character("c")], .clearFilter, KeyContext.browse, help: "clear the tag filter and the search", hint: "c clear"),
        KeyBinding([.character("/")], .startSearch, KeyContext.browse,
                   help: "search: typed words filter the list as you type; Enter keeps, Esc cancels", hint: "/ search"),
        KeyBinding([.character("/")], .startFind, [.reader], help: "find in the post", hint: "/ find"),
        KeyBinding([.character("n")], .findNext, [.reader], help: "next match", hint: "n/N match"),
        KeyBinding([.character("N")], .findPrevious, [.reader], help: "previous match"),
        KeyBinding([.character("o")], .showOutline, [.reader], help: "outline: the post's headings, Enter goes to one", hint: "o outline"),
        KeyBinding([.character("j"), .down], .moveDown, [.outline], help: "next heading in the outline", hint: "j/k move"),
        KeyBinding([.character("k"), .up], .moveUp, [.outline], help: "previous heading in the outline"),
        KeyBinding([.character("g"), .home], .moveToFirst, [.outline], help: "first heading"),
        KeyBinding([.character("G"), .end], .moveToLast, [.outline], help: "last heading"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], .pageDown, [.outline], help: "a page of headings down"),
        KeyBinding([.pageUp, .control("u"), .character("b")], .pageUp, [.outline], help: "a page of headings up"),
        KeyBinding([.enter], .goToHeading, [.outline], help: "go to the heading", hint: "Enter go"),
        KeyBinding([.character("o"), .character("q"), .escape], .back, [.outline], help: "close the outline", hint: "o/q close"),
        KeyBinding([.enter], .openPost, [.list, .preview], help: "open the post in the reader", hint: "Enter read"),
        KeyBinding([.character("]")], .nextPost, [.reader, .preview], help: "next post in the current list", hint: "]/[ post"),
        KeyBinding([.character("[")], .previousPost, [.reader, .preview], help: "previous post in the current list"),
        KeyBinding([.character("q"), .escape], .back, [.reader, .help], help: "back", hint: "q back"),
        KeyBinding([.character("q")], .quit, KeyContext.browse, help: "quit", hint: "q quit"),
        KeyBinding([.control("c")], .quit, Set(KeyContext.allCases), help: "quit"),
        KeyBinding([.character("?")], .showHelp, KeyContext.browse.union([.reader]),
                   help: "help: every binding", hint: "? help"),
        KeyBinding([.control("l")], .redraw, Set(KeyContext.allCases), help: "redraw the screen"),
        // Prompts: Enter keeps, Esc cancels, Backspace deletes; other typed characters are text.
        KeyBinding([.enter], .submitPrompt, [.search, .find], help: "keep the search", hint: "Enter keep"),
        KeyBinding([.escape], .cancelPrompt, [.search, .find], help: "cancel the search", hint: "Esc cancel"),
        KeyBinding([.backspace], .deleteBackward, [.search, .find], help: "delete the last character"),
    ]

    /// The action for `key` in `context`; typed characters in a prompt become text.
    package static func action(for key: Key, in context: KeyContext) -> Action? {
        if case let .paste(text) = key { return pasteAction(text, in: context) }
        if case let .mouse(event) = key { return .mouse(event) }
        if let binding = table[ContextKey(context: context, key: key)] { return binding.action }
        if context == .search || context == .find, case let .character(character) = key { return .insertText(String(character)) }
        return nil
    }

    /// A paste is typed text in a prompt, on one line and cut to the prompt's limit before anything
    /// else is done with it; anywhere else it does nothing (its letters are not commands).
    static func pasteAction(_ text: String, in context: KeyContext) -> Action? {
        guard context == .search || context == .find else { return nil }
        let kept = AppState.promptPrefix(text).map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return kept.isEmpty ? nil : .insertText(String(kept))
    }

    /// The hints for the status line in `context`, in table order.
    package static func hints(in context: KeyContext) -> [String] {
        bindings.filter { $0.contexts.contains(context) }.compactMap(\.hint)
    }

    private struct ContextKey: Hashable { var context: KeyContext; var key: Key }

    private static let table: [ContextKey: KeyBinding] = {
        var table: [ContextKey: KeyBinding] = [:]
        for binding in bindings {
            for context in binding.contexts {
                for key in binding.keys where table[ContextKey(context: context, key: key)] == nil {
                    table[ContextKey(context: context, key: key)] = binding
                }
            }
        }
        return table
    }()
}
