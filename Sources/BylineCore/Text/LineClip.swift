/// Cutting one-line text to what a screen can show before it is measured or drawn, in time that
/// depends on the limit, never on the text's length.
package enum LineClip {
    /// `text` cut to its first `limit` Unicode scalars (whole when it has no more).
    package static func clipped(_ text: String, toScalars limit: Int = ScreenLimits.maximumLineScalars) -> String {
        // Every scalar takes at least one byte: a text with no more bytes than the limit is whole.
        guard text.utf8.count > limit else { return text }
        let scalars = text.unicodeScalars
        var end = scalars.startIndex
        var taken = 0
        while taken < limit, end != scalars.endIndex {
            scalars.formIndex(after: &end)
            taken += 1
        }
        return end == scalars.endIndex ? text : String(scalars[..<end])
    }

    /// Tags as the list shows them, `#go #rust`, joined only as far as a screen could show.
    package static func hashTags(_ tags: [String], limit: Int = ScreenLimits.maximumLineScalars) -> String {
        var text = ""
        for tag in tags {
            // Four bytes is the longest scalar: past this many bytes, more than `limit` scalars are in.
            if text.utf8.count > 4 * limit { break }
            if !text.isEmpty { text += " " }
            text += "#" + clipped(tag, toScalars: limit)
        }
        return clipped(text, toScalars: limit)
    }
}
