@preconcurrency import CLibXML2
import BylineCore

/// Raw HTML from a post, parsed by libxml2's HTML parser and walked as a stream of events. The only
/// code that calls libxml2.
///
/// The parser recovers from any input, reads nothing from the network or outside the fragment, ignores
/// `<meta charset>` (a post is UTF-8), and stops nesting at its own depth limit (256). It wraps a
/// fragment in `<html><body>` (without them, libxml2 2.9 puts all that follows a `<script>` inside it);
/// those are transparent to the walk. The tree is walked without recursion and freed before `walk`
/// returns.
enum HTMLTree {
    /// Input past this many bytes is not parsed: a post is shown up to this size anyway.
    static let maximumBytes = PostLoader.bodyLimit
    /// Attribute values are cut to this many bytes: a link target or image source longer than this
    /// (a `data:` image can be megabytes) is of no use in a terminal, and would fill the reference list.
    static let maximumAttributeBytes = 2048

    /// What the walk meets, in document order; every `open` is followed by its `close`.
    enum Event {
        case open(Element)
        case close
        case text(String)
    }

    /// An element while its `open` event is handled; it must not be kept after.
    struct Element {
        fileprivate let node: xmlNodePtr
        /// The tag name, in lower case as the parser gives it.
        let name: String

        /// The element this one is in, if any.
        var parent: Element? {
            guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
            return Element(node: parent, name: String(cString: parent.pointee.name))
        }

        /// Whether the element's text breaks a line between two pieces of content: a `<code>` written
        /// as a block of code, without `<pre>`.
        var hasInnerLineBreak: Bool {
            var sawContent = false, sawBreak = false
            var node = self.node.pointee.children
            while let current = node {
                if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    var byte = content
                    while byte.pointee != 0 {
                        switch byte.pointee {
                        case 0x0A: sawBreak = sawContent
                        case 0x20, 0x09, 0x0D: break
                        default:
                            if sawBreak { return true }
                            sawContent = true
                        }
                        byte += 1
                    }
                }
                if let child = current.pointee.children, current.pointee.type == XML_ELEMENT_NODE {
                    node = child
                    continue
                }
                var done = current
                while done.pointee.next == nil, let parent = done.pointee.parent, parent != self.node { done = parent }
                node = done.pointee.next
            }
            return false
        }

        /// Whether the element is all its parent holds (but white space).
        var isAlone: Bool {
            var sibling = node.pointee.parent?.pointee.children
            while let current = sibling {
                if current != node {
                    if current.pointee.type == XML_ELEMENT_NODE { return false }
                    if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content,
                       String(cString: content).contains(where: { !$0.isWhitespace }) { return false }
                }
                sibling = current.pointee.next
            }
            return true
        }

        /// The value of an attribute, entities decoded; nil when absent.
        func attribute(_ wanted: String) -> String? {
            var attribute = node.pointee.properties
            while let current = attribute {
                if String(cString: current.pointee.name) == wanted {
                    var value = ""
                    var cut = false
                    var child = current.pointee.children
                    while let text = child, !cut {
                        if let content = text.pointee.content {
                            let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                            let room = maximumAttributeBytes - value.utf8.count
                            cut = bytes.count > room
                            value += limitedString(bytes, room)
                        }
                        child = text.pointee.next
                    }
                    return cut ? value + "…" : value
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// Elements whose content is never shown. The parser moves a leading `<script>`, `<style>`,
    /// `<title>` or `<meta>` into an implied `<head>`.
    static let hiddenElements: Set<String> = ["script", "style", "head"]

    private static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2 sets up its global tables once, before any thread parses.
    private static let initialized: Void = { xmlInitParser() }()

    /// Parses `html` and calls `visit` for each element, end of element and text node; comments,
    /// processing instructions and hidden elements are skipped.
    static func walk(_ html: String, _ visit: (Event) -> Void) {
        _ = initialized
        var html = html
        if html.utf8.count > maximumBytes { html = html.withUTF8 { limitedString($0, maximumBytes) } }
        let (visible, hadControls) = visibleControls(html)
        html = visible
        let document: htmlDocPtr? = html.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
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
                    if !descend { visit(.close) }
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
                visit(.close)
                done = parent
            }
            node = done.pointee.next
        }
    }

    /// `html` with its C0 controls, written or as character references (`&#27;`), replaced by their
    /// visible symbols (`␛`), and whether there were any. libxml2 drops them as characters XML does
    /// not allow, which would hide that a post tried to send one.
    private static func visibleControls(_ html: String) -> (String, Bool) {
        var html = html
        let clean = html.withUTF8 { utf8 in
            for (index, byte) in utf8.enumerated() {
                if byte < 0x20, isHiddenControl(UInt32(byte)) { return false }
                if byte == UInt8(ascii: "&"), index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "#") { return false }
            }
            return true
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

    /// The first `limit` bytes of well-formed UTF-8 (or all of them), cut where no character is split.
    private static func limitedString<Bytes: RandomAccessCollection<UInt8>>(_ utf8: Bytes, _ limit: Int) -> String where Bytes.Index == Int {
        var end = utf8.startIndex + min(limit, utf8.count)
        if end < utf8.endIndex { while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end -= 1 } }
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self)
    }
}
