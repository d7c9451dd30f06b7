import Foundation

/// A folder under the system temp folder, removed when the test ends.
package final class TempFolder {
    package let path: String

    package init(_ name: String = #function) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("byline-tests-\(getpid())")
        let folder = base.appendingPathComponent(name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` (UTF-8) at `relative`, creating folders.
    @discardableResult
    package func write(_ relative: String, _ text: String) throws -> String { try write(relative, bytes: Array(text.utf8)) }

    @discardableResult
    package func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    package func folder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    package func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }
}

