/// The rendered lines of a post for the preview and the reader: its header, then its body laid out at
/// the given width (or a line saying it is loading or could not be read).
package enum PreviewContent {
    /// At least the first `count` lines (all of them when there are fewer; every line by default):
    /// what the preview pane shows, without laying out the rest of a long post until it is scrolled
    /// to. Always the start of the whole post's lines. Kept in `cache` and continued from there.
    package static func lines(_ state: AppState, post: Int, width: Int, atLeast count: Int = .max, in cache: ViewCache) -> [StyledLine] {
        laidOut(state, state.layoutKey(post: post, width: width), atLeast: count, in: cache).lines
    }

    /// The lines for `key` as far as `count`, and whether they are the whole post.
    static func laidOut(_ state: AppState, _ key: LayoutKey, atLeast count: Int, in cache: ViewCache)
        -> (lines: [StyledLine], isComplete: Bool, headingLines: [Int]) {
        cache.layouts.value(key, make: { layOut(state, post: key.post, width: key.width) }) { layout in
            layout.extend(toAtLeast: count)
            return (layout.lines, layout.isComplete, layout.headingLines)
        }
    }

    /// Lays out the first screen of `post` with a body parsed ahead, as the preview will once the body
    /// is in the state: called off the input thread, which hands the value back for the runtime to
    /// keep in its `ViewCache`, so the move that shows the post finds its lines there. `state` need not
    /// hold the body yet; the lines depend on the key alone.
    package static func layOutAhead(_ state: AppState, post: Int, _ loaded: LoadedPost) -> LaidOutAhead? {
        // The reader lays a post out whole, at its own width: nothing to gain there from a first screen.
        guard state.readerPost == nil, state.store.posts.indices.contains(post),
              let rect = state.layout.rect(of: .preview) else { return nil }
        var key = state.layoutKey(post: post, width: rect.width - 2 * PreviewView.margin(rect.width))
        key.body = .loaded
        var ahead = layout(state.store.posts[post], loaded, width: key.width, glyphs: state.glyphs)
        ahead.extend(toAtLeast: rect.height)
        return LaidOutAhead(key: key, layout: ahead)
    }

    static func layOut(_ state: AppState, post: Int, width: Int) -> DocumentLayout.Progressive {
        let item = state.store.posts[post]
        if let loaded = state.loaded[post] { return layout(item, loaded, width: width, glyphs: state.glyphs) }
        // An estimate until the body is read, of the part that will be shown (`PostLoader.bodyLimit`).
        var lines = PostHeader.lines(item, words: min(item.fileSize, PostLoader.bodyLimit) / 6, width: width, glyphs: state.glyphs)
        lines.append(StyledLine())
        if let message = state.failed[post] {
            lines += TextWrapper.wrap(SafeText.lineSpans("Cannot show this post: " + message, .escaped), width: width)
        } else {
            lines.append(StyledLine("Loading…", .meta))
        }
        return DocumentLayout.Progressive(complete: lines)
    }

    /// A loaded post as every view shows it: the header, a blank line, the body at `width`.
    /// The preview, the reader, `byline show` and the dumb-terminal reader all draw through this.
    package static func lines(_ post: Post, _ loaded: LoadedPost, width: Int, glyphs: Glyphs) -> [StyledLine] {
        var layout = layout(post, loaded, width: width, glyphs: glyphs)
        layout.extend(toAtLeast: .max)
        return layout.lines
    }

    /// The same lines in flat form, for `byline show`, which only writes them out: in parts of about
    /// `partBytes` bytes of text, each handed to `part` before the next is laid out.
    package static func write(_ post: Post, _ loaded: LoadedPost, width: Int, glyphs: Glyphs, partBytes: Int,
                             to part: (FlatText) -> Void) {
        DocumentLayout.write(loaded.document, width: width, glyphs: glyphs, prefix: header(post, loaded, width: width, glyphs: glyphs),
                             partBytes: partBytes, to: part)
    }

    static func layout(_ post: Post, _ loaded: LoadedPost, width: Int, glyphs: Glyphs) -> DocumentLayout.Progressive {
        DocumentLayout.Progressive(loaded.document, width: width, glyphs: glyphs, prefix: header(post, loaded, width: width, glyphs: glyphs))
    }

    /// What comes before the body: the post's header and a blank line.
    private static func header(_ post: Post, _ loaded: LoadedPost, width: Int, glyphs: Glyphs) -> [StyledLine] {
        PostHeader.lines(post, words: loaded.words, width: width, glyphs: glyphs) + [StyledLine()]
    }
}

/// The reader's lines: the same content as the preview, at the reader's column width.
package enum ReaderContent {
    package static func lines(_ state: AppState, post: Int, in cache: ViewCache) -> [StyledLine] {
        PreviewContent.lines(state, post: post, width: PaneLayout.readerColumn(width: state.width).width, in: cache)
    }

    /// Each match of `query` in the lines for `key` (case-insensitive, not overlapping; `FindText`) as
    /// the number of its line, ascending, a line listed once per match: worked out once per layout and
    /// text (`ViewCache.finds`). Only the lines that hold the text are taken apart to count.
    static func matchingLines(_ state: AppState, _ key: LayoutKey, query: String, in cache: ViewCache) -> [Int] {
        cache.finds.value(ViewCache.FindKey(layout: key, query: query), make: {
            let lowered = query.lowercased()
            let needle = FindText.folded(query)
            var matches: [Int] = []
            for (number, line) in PreviewContent.laidOut(state, key, atLeast: .max, in: cache).lines.enumerated() {
                let text = line.text
                guard text.lowercased().contains(lowered) else { continue }
                let count = FindText.ranges(of: needle, in: FindText.folded(text)).count
                matches.append(contentsOf: repeatElement(number, count: count))
            }
            return matches
        }) { $0 }
    }
}

extension ReaderContent {
    /// The links of the post laid out for `key`, in reading order: found once per layout (`ViewCache.links`).
    static func links(_ state: AppState, _ key: LayoutKey, in cache: ViewCache) -> [LayoutLink] {
        cache.links.value(key, make: {
            LayoutLink.links(in: PreviewContent.laidOut(state, key, atLeast: .max, in: cache).lines)
        }) { $0 }
    }
}

/// The help overlay's text, made from the binding table so it cannot drift from the keys: a key column
/// and the help wrapped beside it with a hanging indent, at any overlay width from a 40-column screen.
package enum HelpContent {
    /// The lines at `width` columns of text; without one, each binding on one line (unwrapped).
    package static func lines(width: Int = unwrappedWidth) -> [StyledLine] {
        var lines = [StyledLine("Keys", [.heading2]), StyledLine()]
        let column = keyColumn(width: width)
        let textWidth = max(1, width - column)
        for binding in Keymap.bindings {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            let text = TextWrapper.wrap([StyledSpan(binding.help), StyledSpan(" (" + binding.scope + ")", .meta)], width: textWidth)
            let keysWidth = DisplayWidth.of(keys)
            var first = StyledLine()
            var rest = text[...]
            if keysWidth < column {
                // Keys and the first line of text side by side.
                first.append(keys + Blank.string(column - keysWidth), .marker)
                if let head = rest.popFirst() { first.append(contentsOf: head) }
            } else {
                // Keys wider than their column get a line of their own.
                first = Truncate.line(StyledLine(keys, .marker), to: width)
            }
            lines.append(first)
            for line in rest {
                var indented = StyledLine(Blank.string(column))
                indented.append(contentsOf: line)
                lines.append(indented)
            }
        }
        return lines
    }

    /// Wide enough that no binding's line wraps: the lines as the table has them (for tests and tools).
    package static let unwrappedWidth = 1_000
    /// The key column on a wide overlay, and on a narrow one (below `narrowWidth` columns of text).
    static let keyColumn = 20, narrowKeyColumn = 12, narrowWidth = 60
    static func keyColumn(width: Int) -> Int { width >= narrowWidth ? keyColumn : narrowKeyColumn }

    /// The overlay's width on a screen `screenWidth` wide, and the width of its text inside the frame.
    static let maximumOverlayWidth = 100
    static func overlayWidth(screenWidth: Int) -> Int { min(screenWidth - 2, maximumOverlayWidth) }
    package static func textWidth(screenWidth: Int) -> Int { max(1, overlayWidth(screenWidth: screenWidth) - 4) }

    /// Rows the overlay leaves for text at a terminal height.
    package static func visibleRows(height: Int) -> Int { max(2, height - 4) }

    /// The furthest the overlay scrolls on a screen of this size: its last line at the bottom.
    package static func maximumScroll(width: Int, height: Int) -> Int {
        max(0, lines(width: textWidth(screenWidth: width)).count - (visibleRows(height: height) - 1))
    }
}
