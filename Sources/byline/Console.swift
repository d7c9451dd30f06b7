#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import BylineCore

/// Writing to standard output and standard error, the two places commands speak.
enum Console {
    /// One line on standard error, prefixed with the program's name.
    static func error(_ message: String) {
        FileHandleOut.standardError.write("byline: " + VisibleText.escapeLine(message) + "\n")
    }

    /// `error(message)`, and the exit status that goes with it, for the caller to throw.
    static func failure(_ message: String, status: Int32 = 2) -> ExitCode {
        error(message)
        return ExitCode(status)
    }

    /// Text on standard output, unbuffered past this call.
    static func out(_ text: String) { FileHandleOut.standardOutput.write(text) }

    /// Bytes on standard output (a rendered post, written with one `write`).
    static func out(bytes: [UInt8]) { FileHandleOut.standardOutput.write(bytes: bytes) }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(1) == 1 }

    /// After a command that loaded a folder: a one-line pointer to `check` when files could not be read
    /// as posts (errors). Warnings are for `check` alone: a blog's author asks for them, its reader does not.
    static func mentionProblems(_ store: PostStore, folder: String) {
        let files = Set(store.diagnostics.lazy.filter { $0.severity == .error }.map(\.file)).count
        guard files > 0 else { return }
        error("\(files) file\(files == 1 ? "" : "s") in \(folder) could not be read as posts; run `byline check \(folder)` to see why")
    }
}

/// A file descriptor that writes whole strings, retrying on partial writes and EINTR.
struct FileHandleOut {
    let descriptor: Int32
    static let standardOutput = FileHandleOut(descriptor: 1)
    static let standardError = FileHandleOut(descriptor: 2)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(buffer: $0) }
    }

    func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write(buffer: $0) }
    }

    func write(buffer: UnsafeBufferPointer<UInt8>) {
        WholeWrite.write(UnsafeRawBufferPointer(buffer), to: descriptor)
    }
}

/// The few file-system questions the commands ask.
enum FileSystem {
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
