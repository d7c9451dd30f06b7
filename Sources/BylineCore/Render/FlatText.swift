/// Styled lines in flat form: every line's text in one UTF-8 buffer, cut into runs that each name a
/// look (a style and a link) by number. What `DocumentLayout` lays every post out into, and what
/// `byline show` writes from: a 1 MB post is some 30,000 lines and 100,000 runs, and as `StyledLine`s
/// each of those is an array or a `String` of its own to allocate, reference-count and free; here
/// they are three arrays.
///
/// It holds exactly what `[StyledLine]` holds (`styledLines` gives them back), except that
/// neighbouring runs of one look are always merged, which no sink can tell apart.
package struct FlatText: Sendable {
    /// A style with the link it points to: what a run is drawn as.
    package struct Look: Hashable, Sendable {
        package var style: TextStyle
        package var link: String?
    }

    /// Every line's text, one after another, with nothing between lines.
    package internal(set) var bytes = FlatBytes()
    /// A piece of a line in one look: where it ends in `bytes` (it starts where the previous run
    /// ended) and its look, an index into `looks`. Eight bytes: a 1 MB post has some 150,000 runs.
    package struct Run: Sendable {
        package var end: UInt32
        package var look: UInt32
    }

    package internal(set) var runs: [Run] = []
    /// Where each line's runs end in `runs`; a line's runs start where the previous line's ended.
    package internal(set) var lineEnds: [UInt32] = []
    /// The looks used, each once.
    package internal(set) var looks: [Look] = []

    package init() {}

    package var lineCount: Int { lineEnds.count }

    /// The runs of line `index`, as indices into `runEnds` and `runLooks`.
    package func runs(ofLine index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(lineEnds[index - 1]))..<Int(lineEnds[index])
    }

    /// The bytes of run `index`, as a range of `bytes`.
    package func byteRange(ofRun index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(runs[index - 1].end))..<Int(runs[index].end)
    }

    /// The same lines as `StyledLine`s: what the reader and the preview draw from
    /// (`DocumentLayout.Progressive`).
    package var styledLines: [StyledLine] {
        (0..<lineCount).map { line in
            StyledLine(runs(ofLine: line).map { run in
                let look = looks[Int(runs[run].look)]
                return StyledSpan(String(decoding: UnsafeBufferPointer(rebasing: bytes.buffer[byteRange(ofRun: run)]), as: UTF8.self), look.style, link: look.link)
            })
        }
    }

    /// Lines in flat form, merging neighbouring spans of one look.
    package init(_ lines: [StyledLine]) {
        var writer = FlatTextWriter()
        for line in lines { writer.append(line) }
        self = writer.finish()
    }
}
