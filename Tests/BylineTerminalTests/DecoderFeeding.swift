import BylineCore
import BylineTerminal
import XCTest

extension XCTestCase {
    /// Feeds `text` one scalar at a time (as `wget_wch` returns them) and takes every key decoded;
    /// with `pause`, then says the wait asked for ended with nothing.
    func keys(_ text: String, pause: Bool = false, into decoder: inout InputDecoder) -> [Key] {
        var keys: [Key] = []
        for scalar in text.unicodeScalars {
            decoder.feed(.character(scalar.value))
            while let key = decoder.takeKey() { keys.append(key) }
        }
        if pause { decoder.pause() }
        while let key = decoder.takeKey() { keys.append(key) }
        return keys
    }

    /// The keys `text` decodes to from a fresh decoder.
    func keys(_ text: String, pause: Bool = false) -> [Key] {
        var decoder = InputDecoder()
        return keys(text, pause: pause, into: &decoder)
    }
}
