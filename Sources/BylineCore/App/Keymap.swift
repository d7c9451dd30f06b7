/// Where a key is pressed, for the binding table.
package enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case tags, list, preview, reader, help
    /// The search prompt in the browsing screen.
    case search
    /// The find prompt in the reader.
    case find
    /// The reader's link-number prompt (`link: 12`).
    case link
    /// The reader's outline of headings, over its text.
    case outline
    /// The tag prompt in the tag pane (`/` there): typed text moves the tag cursor.
    case tagFind

    /// The three panes of the browsing screen.
    package static let browse: Set<KeyContext> = [.tags, .list, .preview]

    /// Its name where the help and the README say where a key applies.
    var scopeName: String {
        switch self {
        case .tags: return "tag pane"
        case .tagFind: return "tag prompt"
        default: return rawValue
        }
    }

    /// Whether typed characters are text here, not commands.
    var isPrompt: Bool { self == .search || self == .find || self == .tagFind || self == .link }
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
    /// How long the hint keeps its place when the status line is short: the hints of lowest priority go
    /// first, `? help` last (`Hints.fitting`).
    package var priority: Int

    package init(_ keys: [Key], _ action: Action, _ contexts: Set<KeyContext>, help: String, hint: String? = nil, priority: Int = 0) {
        self.keys = keys
        self.action = action
        self.contexts = contexts
        self.help = help
        self.hint = hint
        self.priority = priority
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
        KeyBinding([.tab], .focusNextPane, KeyContext.browse, help: "focus the next pane", hint: "Tab pane", priority: 70),
        KeyBinding([.backTab], .focusPreviousPane, KeyContext.browse, help: "focus the previous pane"),
        KeyBinding([.character("t")], .focusTags, KeyContext.browse, help: "focus the tag pane"),
        KeyBinding([.character("j"), .down], .moveDown, KeyContext.browse.union([.reader, .help]),
                   help: "move the selection down (scroll in preview and reader)", hint: "j/k move", priority: 10),
        KeyBinding([.character("k"), .up], .moveUp, KeyContext.browse.union([.reader, .help]),
                   help: "move the selection up (scroll in preview and reader)"),
        KeyBinding([.down], .moveDown, [.search], help: "move the selection while searching", hint: "↓/↑ move", priority: 10),
        KeyBinding([.up], .moveUp, [.search], help: "move the selection while searching"),
        KeyBinding([.character("g"), .home], .moveToFirst, KeyContext.browse.union([.reader, .help]), help: "first"),
        KeyBinding([.character("G"), .end], .moveToLast, KeyContext.browse.union([.reader, .help]), help: "last"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], .pageDown, [.list, .preview, .reader, .help],
                   help: "page down", hint: "Space page", priority: 15),
        KeyBinding([.pageUp, .control("u"), .character("b")], .pageUp, [.list, .preview, .reader, .help],
                   help: "page up"),
        KeyBinding([.character(" ")], .toggleRequired, [.tags], help: "toggle the tag as required", hint: "Space require", priority: 60),
        KeyBinding([.character("x")], .toggleExcluded, [.tags], help: "toggle the tag as excluded", hint: "x exclude", priority: 30),
        KeyBinding([.character("m")], .toggleMatchMode, [.tags],
                   help: "required tags: all of them (AND) or any of them (OR)", hint: "m AND/OR", priority: 20),
        KeyBinding([.character("s")], .toggleTagSort, [.tags], help: "sort tags by count or by name"),
        KeyBinding([.character("c")], .clearFilter, KeyContext.browse, help: "clear the tag filter and the search", hint: "c clear", priority: 40),
        KeyBinding([.escape], .clearSearch, KeyContext.browse, help: "clear the search (the tags stay)"),
        KeyBinding([.character("/")], .startSearch, [.list, .preview],
                   help: "search: typed words filter the list as you type; Enter keeps, Esc cancels", hint: "/ search", priority: 90),
        KeyBinding([.character("/")], .startTagFind, [.tags],
                   help: "find a tag: typed letters move to the first tag named so; Enter keeps, Esc goes back",
                   hint: "/ find tag", priority: 90),
        KeyBinding([.character("r")], .toggleRead, [.list, .preview, .reader], help: "mark the post read or unread"),
        KeyBinding([.character("R")], .markAllRead, [.list, .preview], help: "mark every post of the current list read"),
        KeyBinding([.character("*")], .toggleSaved, [.list, .preview, .reader], help: "save the post, or unsave it"),
        KeyBinding([.character("S")], .cycleListOrder, [.list], help: "order the list: newest, oldest, by title"),
        KeyBinding([.character("/")], .startFind, [.reader], help: "find in the post", hint: "/ find", priority: 70),
        KeyBinding([.character("n")], .findNext, [.reader], help: "next match", hint: "n/N match", priority: 40),
        KeyBinding([.character("N")], .findPrevious, [.reader], help: "previous match"),
        KeyBinding([.character("o")], .showOutline, [.reader], help: "outline: the post's headings, Enter goes to one", hint: "o outline", priority: 35),
        KeyBinding([.character("j"), .down], .moveDown, [.outline], help: "next heading in the outline", hint: "j/k move", priority: 60),
        KeyBinding([.character("k"), .up], .moveUp, [.outline], help: "previous heading in the outline"),
        KeyBinding([.character("g"), .home], .moveToFirst, [.outline], help: "first heading"),
        KeyBinding([.character("G"), .end], .moveToLast, [.outline], help: "last heading"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], .pageDown, [.outline], help: "a page of headings down"),
        KeyBinding([.pageUp, .control("u"), .character("b")], .pageUp, [.outline], help: "a page of headings up"),
        KeyBinding([.enter], .goToHeading, [.outline], help: "go to the heading", hint: "Enter go", priority: 85),
        KeyBinding([.character("o"), .character("q"), .escape], .back, [.outline], help: "close the outline", hint: "o/q close", priority: 80),
        KeyBinding([.enter], .openPost, [.list, .preview], help: "open the post in the reader", hint: "Enter read", priority: 80),
        KeyBinding([.character("]")], .nextPost, [.reader, .preview], help: "next post in the current list", hint: "]/[ post", priority: 30),
        KeyBinding([.character("[")], .previousPost, [.reader, .preview], help: "previous post in the current list"),
        KeyBinding([.tab], .nextLink, [.reader], help: "make the next link current"),
        KeyBinding([.backTab], .previousLink, [.reader], help: "make the previous link current"),
        KeyBinding([.enter], .followLink, [.reader], help: "follow the current link (a post opens; a web address is shown)"),
        KeyBinding((0...9).map { .character(Character(String($0))) }, .startLinkNumber, [.reader],
                   help: "type a link's number, then Enter follows it"),
        KeyBinding([.character("y")], .copyLink, [.reader], help: "copy the current link's address to the clipboard (OSC 52)"),
        KeyBinding([.backspace, .character("B")], .historyBack, [.reader], help: "back to the post a link was followed from"),
        KeyBinding([.character("F")], .historyForward, [.reader], help: "forward again after going back"),
        KeyBinding([.character("q"), .escape], .back, [.reader, .help], help: "back", hint: "q back", priority: 50),
        KeyBinding([.character("q")], .quit, KeyContext.browse, help: "quit", hint: "q quit", priority: 50),
        KeyBinding([.control("c")], .interrupt, Set(KeyContext.allCases), help: "quit (exit status 130, as an interrupted program)"),
        KeyBinding([.character("?")], .showHelp, KeyContext.browse.union([.reader]),
                   help: "help: every binding", hint: "? help", priority: 100),
        KeyBinding([.control("l")], .redraw, Set(KeyContext.allCases), help: "redraw the screen"),
        // Prompts: Enter keeps, Esc cancels, Backspace deletes; other typed characters are text.
        KeyBinding([.enter], .submitPrompt, [.search, .find], help: "keep the search", hint: "Enter keep", priority: 85),
        KeyBinding([.escape], .cancelPrompt, [.search, .find], help: "cancel the search", hint: "Esc cancel", priority: 85),
        KeyBinding([.enter], .submitPrompt, [.tagFind], help: "keep the tag cursor on the tag found", hint: "Enter keep", priority: 85),
        KeyBinding([.escape], .cancelPrompt, [.tagFind], help: "put the tag cursor back", hint: "Esc back", priority: 85),
        KeyBinding([.backspace], .deleteBackward, [.search, .find, .tagFind, .link], help: "delete the last character"),
        KeyBinding([.enter], .submitPrompt, [.link], help: "follow the link of the number typed", hint: "Enter follow", priority: 85),
        KeyBinding([.escape], .cancelPrompt, [.link], help: "cancel the link number", hint: "Esc cancel", priority: 85),
    ]

    /// The action for `key` in `context`; typed characters in a prompt become text.
    package static func action(for key: Key, in context: KeyContext) -> Action? {
        if case let .paste(text) = key { return pasteAction(text, in: context) }
        if case let .mouse(event) = key { return .mouse(event) }
        if let binding = table[ContextKey(context: context, key: key)] {
            // A link's number: the digit typed is its first, so it opens the prompt holding it.
            if binding.action == .startLinkNumber, case let .character(digit) = key { return .insertText(String(digit)) }
            return binding.action
        }
        if context.isPrompt, case let .character(character) = key { return .insertText(String(character)) }
        return nil
    }

    /// A paste is typed text in a prompt, on one line and cut to the prompt's limit before anything
    /// else is done with it; anywhere else it does nothing (its letters are not commands).
    static func pasteAction(_ text: String, in context: KeyContext) -> Action? {
        guard context.isPrompt else { return nil }
        let kept = AppState.promptPrefix(text).map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return kept.isEmpty ? nil : .insertText(String(kept))
    }

    /// The hints for the status line in `context`, in table order.
    package static func hints(in context: KeyContext) -> [String] {
        bindings.filter { $0.contexts.contains(context) }.compactMap(\.hint)
    }

    /// The same hints with their priorities, in table order (the order they are shown in).
    package static func prioritizedHints(in context: KeyContext) -> [(hint: String, priority: Int)] {
        bindings.filter { $0.contexts.contains(context) }.compactMap { binding in binding.hint.map { ($0, binding.priority) } }
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
