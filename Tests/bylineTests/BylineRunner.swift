import Foundation
import XCTest

/// Runs the built `byline` binary the way a script would and captures what it says.
struct BylineRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder SwiftPM built the products into (beside the test bundle).
    static let binary: String = Bundle.main.bundleURL.appendingPathComponent("byline").path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let shippedPosts = repository + "/posts"

    /// Runs `byline ARGS` in `directory` with `environment` added to a clean one; `prefix` runs it through another program.
    static func run(_ arguments: [String], in directory: String = repository, prefix: [String] = [],
                    environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        let process = Process()
        let command = prefix + [binary] + arguments
        process.executableURL = URL(fileURLWithPath: command[0].hasPrefix("/") ? command[0] : "/usr/bin/env")
        process.arguments = command[0].hasPrefix("/") ? Array(command.dropFirst()) : command
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        // Standard error goes to a file so that only one pipe has to be drained while the process runs.
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("byline-stderr-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrData = FileManager.default.contents(atPath: errorPath) ?? Data()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// A scratch folder for one test, removed afterwards.
final class ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("byline-cli-\(UUID().uuidString.prefix(12))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
        return full
    }
}
