@preconcurrency import CLibXML2
import BylineCore

/// Raw HTML from a post, parsed by libxml2's HTML parser and walked as a stream of events. The only
/// code that calls libxml2.
///
/// The parser recovers from any input, reads nothing from the network or outside the fragment, ignores
/// `<meta charset>` (a post is UTF-8), and stops nesting at its own depth limit (256). The tree is
/// walked without recursion and freed before `walk` returns.
enum HTMLTree {
    /// Input past this many bytes is not parsed: a post is shown up to this size anyway.
    static let maximumBytes = PostLoader.bodyLimit

    /// What the walk meets, in document order; every `open` is followed by its `close`.
    enum Event {
        case open(Element)
        case close(name: String)
        case text(String)
    }

    /// An element while its `open` event is handled; it must not be kept after.
    struct Element {
        fileprivate let node: xmlNodePtr
        /// The tag name, in lower case as the parser gives it.
        let name: String

        /// The value of an attribute, entities decoded; nil when absent.
        func attribute(_ wanted: String) -> String? {
            var attribute = node.pointee.properties
            while let current = attribute {
                if String(cString: current.pointee.name) == wanted {
                    var value = ""
                    var child = current.pointee.children
                    while let text = child {
                        if let content = text.pointee.content { value += String(cString: content) }
                        child = text.pointee.next
                    }
                    return value
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// Elements whose content is never shown.
    static let hiddenElements: Set<String> = ["script", "style"]

    private static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue
        | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2 sets up its global tables once, before any thread parses.
    private static let initialized: Void = { xmlInitParser() }()

    /// Parses `html` and calls `visit` for each element, end of element and text node; comments,
    /// processing instructions and hidden elements are skipped.
    static func walk(_ html: String, _ visit: (Event) -> Void) {
        _ = initialized
        let (visible, hadControls) = visibleControls(html)
        var html = visible
        let document: htmlDocPtr? = html.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(scalarBoundary(utf8, before: maximumBytes)), nil, "UTF-8", options)
            }
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        let root = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        var node = root.pointee.children
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: current.pointee.name)
                if !hiddenElements.contains(name) {
                    visit(.open(Element(node: current, name: name)))
                    descend = current.pointee.children != nil
                    if !descend { visit(.close(name: name)) }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let text = String(cString: content)
                    visit(.text(hadControls ? controlsRestored(text) : text))
                }
            default:
                break
            }
            if descend {
                node = current.pointee.children
                continue
            }
            // Up to the first ancestor with a next sibling, closing each element left.
            var done = current
            while done.pointee.next == nil, let parent = done.pointee.parent, parent != root {
                visit(.close(name: String(cString: parent.pointee.name)))
                done = parent
            }
            node = done.pointee.next
        }
    }

    /// `html` with its C0 controls, written or as character references (`&#27;`), replaced by their
    /// visible symbols (`␛`), and whether there were any. libxml2 drops them as characters XML does
    /// not allow, which would hide that a post tried to send one.
    static func visibleControls(_ html: String) -> (String, Bool) {
        var html = html
        let clean = html.withUTF8 { utf8 in
            !utf8.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D } && !zip(utf8, utf8.dropFirst()).contains { $0 == UInt8(ascii: "&") && $1 == UInt8(ascii: "#") }
        }
        if clean { return (html, false) }
        var replaced = false
        var output = String.UnicodeScalarView()
        var scalars = Substring(html).unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if isHiddenControl(scalar.value) {
                output.append(contentsOf: VisibleText.symbol(for: scalar).unicodeScalars)
                replaced = true
            } else if scalar == "&", scalars.first == "#", let (value, length) = characterReference(scalars.dropFirst()), isHiddenControl(value) {
                output.append(contentsOf: VisibleText.symbol(for: Unicode.Scalar(UInt8(value))).unicodeScalars)
                scalars = scalars.dropFirst(1 + length)
                replaced = true
            } else {
                output.append(scalar)
            }
        }
        return (String(output), replaced)
    }

    /// The symbols of `visibleControls` turned back into the controls they stand for, so that
    /// `SafeText` shows them as it shows every control (styled as escaped).
    private static func controlsRestored(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x2400...0x241F).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x2400)! : scalar
        }))
    }

    /// The C0 controls XML refuses (all but tab, newline and carriage return).
    private static func isHiddenControl(_ value: UInt32) -> Bool {
        value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D
    }

    /// The value of `27;` or `x1b;` (after `&#`) and how many scalars it takes, `;` included if there.
    private static func characterReference(_ scalars: Substring.UnicodeScalarView.SubSequence) -> (UInt32, Int)? {
        let hex = scalars.first == "x" || scalars.first == "X"
        let digits = scalars.dropFirst(hex ? 1 : 0).prefix { hex ? $0.properties.isASCIIHexDigit : ("0"..."9").contains($0) }
        guard !digits.isEmpty, digits.count <= 8, let value = UInt32(String(digits), radix: hex ? 16 : 10) else { return nil }
        let length = (hex ? 1 : 0) + digits.count
        return (value, digits.endIndex < scalars.endIndex && scalars[digits.endIndex] == ";" ? length + 1 : length)
    }

    /// How many of `utf8`'s bytes to parse: all, or up to `limit` cut where no character is split.
    private static func scalarBoundary(_ utf8: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int {
        guard utf8.count > limit else { return utf8.count }
        var end = limit
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}
