import Foundation
import XCTest

/// Everything else a visitor can ask of `ssh blog@host` gets the posts listing or nothing:
/// commands never run, files are not copied, ports are not forwarded.
extension SSHEndToEndTests {
    /// The listing byline prints when there is no terminal, checked for a post and its tags.
    private func assertIsTheListing(_ output: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(output.contains("Reducing Latency in Go APIs: Lessons from Production"), "\(what): \(output)", file: file, line: line)
        XCTAssertTrue(output.contains("#backend"), "\(what): \(output)", file: file, line: line)
        XCTAssertFalse(output.contains("root:x:0:0"), "\(what) printed /etc/passwd", file: file, line: line)
    }

    func testACommandPrintsTheListingAndNeverRuns() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ssh-ran-\(UUID().uuidString.prefix(8))").path
        defer { unlink(marker) }
        for command in ["cat /etc/passwd", "sh", "touch \(marker)"] {
            let (status, output) = try Spawn.run(server.ssh(command: [command]), timeout: 15)
            XCTAssertEqual(status, 0, "ssh host '\(command)': \(output)")
            assertIsTheListing(output, "ssh host '\(command)'")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the requested command ran")
    }

    /// `ssh host sh < script` would be a shell if the forced command ever became one.
    func testAShellFedOnStandardInputPrintsTheListing() throws {
        let script = server.folder + "/script.sh"
        try "cat /etc/passwd\nid\n".write(toFile: script, atomically: true, encoding: .utf8)
        let (status, output) = try Spawn.run(server.ssh(command: ["sh"]), input: script, timeout: 15)
        XCTAssertEqual(status, 0, output)
        assertIsTheListing(output, "ssh host sh < script")
        XCTAssertFalse(output.contains("uid="), "id ran: \(output)")
    }

    func testNoTerminalPrintsTheListing() throws {
        let (status, output) = try Spawn.run(server.ssh(["-T"]), timeout: 15)
        XCTAssertEqual(status, 0, output)
        assertIsTheListing(output, "ssh -T host")
    }

    func testCopyingFilesFails() throws {
        let target = server.folder + "/copied-passwd"
        let remote = "\(LoopbackSSHD.user)@127.0.0.1:/etc/passwd"
        let attempts: [(String, [String])] = [
            ("scp (SFTP protocol)", ["/usr/bin/scp"] + server.clientOptions + ["-P", "\(server.port)", remote, target]),
            ("scp -O (legacy protocol)", ["/usr/bin/scp", "-O"] + server.clientOptions + ["-P", "\(server.port)", remote, target]),
            ("sftp", ["/usr/bin/sftp"] + server.clientOptions + ["-P", "\(server.port)", remote, target]),
        ]
        for (name, argv) in attempts {
            let loginsBefore = server.acceptedLogins()
            let (status, output) = try Spawn.run(argv, timeout: 15)
            // It got in, so it is the restriction that stopped it, not a broken key.
            XCTAssertEqual(server.acceptedLogins(), loginsBefore + 1, "\(name) logged in: \(server.logText())")
            XCTAssertNotEqual(status, 0, "\(name) succeeded: \(output)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: target), "\(name) wrote a file")
            unlink(target)
        }
    }

    /// `-L`: the client listens, but the server denies every channel, so a connection through the
    /// tunnel to sshd's own port never hears sshd's `SSH-2.0` banner.
    func testLocalForwardingIsRefused() throws {
        let local = try LoopbackTCP.freePort()
        let output = server.folder + "/forward-L.out"
        let client = try Spawn.start(server.ssh(["-N", "-L", "\(local):127.0.0.1:\(server.port)"]), outputPath: output)
        defer { Spawn.stop(client) }
        var answer = LoopbackTCP.Answer.refused
        // Until ssh has logged in and listens: well under a second when the machine is idle.
        let deadline = Date().addingTimeInterval(15)
        while answer == .refused, Date() < deadline {
            usleep(20_000)
            answer = LoopbackTCP.knock(port: local, seconds: 2)
        }
        XCTAssertEqual(answer, .closedSilently, "through the tunnel")
        XCTAssertTrue(server.logText().contains("refused local port forward"), server.logText())
    }

    /// `-R`: the server refuses to listen, so the client gives up and nothing listens on the port.
    func testRemoteForwardingIsRefused() throws {
        let remote = try LoopbackTCP.freePort()
        let (status, output) = try Spawn.run(server.ssh(["-N", "-o", "ExitOnForwardFailure=yes", "-R", "\(remote):127.0.0.1:\(server.port)"]),
                                             timeout: 15)
        XCTAssertNotEqual(status, 0, output)
        XCTAssertTrue(output.contains("remote port forwarding failed"), output)
        XCTAssertEqual(LoopbackTCP.knock(port: remote, seconds: 1), .refused)
    }
}
