/// Where the front matter of a post ends and its body begins.
///
/// Front matter is YAML between `---` lines (the closing line may also be YAML's `...`) or TOML between
/// `+++` lines, starting on the first line of the file. A file without either has no front matter.
package struct FrontMatterBlock: Equatable, Sendable {
    /// The two formats blogs use.
    package enum Format: String, Sendable {
        /// `---` fenced, Jekyll, Hugo, Eleventy, Astro.
        case yaml
        /// `+++` fenced, Hugo and Zola.
        case toml
    }

    package var format: Format
    /// Byte range of the front matter text, without its fences.
    package var text: Range<Int>
    /// One-based line of the file on which `text` starts.
    package var firstLine: Int
    /// Byte offset where the body starts, just after the closing fence's line.
    package var bodyStart: Int
    /// One-based line of the file on which the body starts.
    package var bodyFirstLine: Int

    /// What `locate` found at the start of a file.
    package enum Search: Equatable, Sendable {
        /// The file does not start with a fence.
        case none
        /// A complete block.
        case found(FrontMatterBlock)
        /// An opening fence with no closing fence in the bytes searched.
        case unclosed(Format)
    }

    /// Finds the block in `bytes` (LF line ends; a BOM already removed).
    package static func locate(in bytes: [UInt8]) -> Search {
        guard let (fence, format) = openingFence(bytes) else { return .none }
        var lineStart = min(endOfLine(from: 0, in: bytes) + 1, bytes.count)
        var line = 2
        let textStart = lineStart
        while lineStart < bytes.count {
            let lineEnd = endOfLine(from: lineStart, in: bytes)
            if isFence(bytes[lineStart..<lineEnd], fence) || (format == .yaml && isFence(bytes[lineStart..<lineEnd], dots)) {
                let bodyStart = min(lineEnd + 1, bytes.count)
                return .found(FrontMatterBlock(format: format, text: textStart..<lineStart, firstLine: 2,
                                               bodyStart: bodyStart, bodyFirstLine: line + 1))
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return .unclosed(format)
    }

    private static let dashes = Array("---".utf8), pluses = Array("+++".utf8), dots = Array("...".utf8)

    private static func openingFence(_ bytes: [UInt8]) -> ([UInt8], Format)? {
        let firstLine = bytes[0..<endOfLine(from: 0, in: bytes)]
        if isFence(firstLine, dashes) { return (dashes, .yaml) }
        if isFence(firstLine, pluses) { return (pluses, .toml) }
        return nil
    }

    /// The fence itself, then only spaces or tabs (editors leave trailing blanks).
    private static func isFence(_ line: ArraySlice<UInt8>, _ fence: [UInt8]) -> Bool {
        guard line.count >= fence.count, line.prefix(fence.count).elementsEqual(fence) else { return false }
        return line.dropFirst(fence.count).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    static func endOfLine(from start: Int, in bytes: [UInt8]) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
    }
}
