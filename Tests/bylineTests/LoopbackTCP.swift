import Foundation

/// TCP on 127.0.0.1 for the SSH tests: a free port to listen on, and what a connection to a port meets.
enum LoopbackTCP {
    /// A port the kernel just handed out and nobody holds. Another process may take it before the
    /// caller binds it, so callers that listen retry with a new one.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.socket(errno) }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure.socket(errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// What connecting to a port meets.
    enum Answer: Equatable {
        /// Nothing listens.
        case refused
        /// Something accepted, then closed or reset without a byte (an SSH client whose channel the server denied).
        case closedSilently
        /// Something accepted and spoke: its first bytes (an SSH server says `SSH-2.0-…`).
        case spoke(String)
        /// Something accepted and stayed quiet for the whole wait.
        case stayedOpen
    }

    /// Connects to 127.0.0.1:`port` and reads what arrives within `seconds`.
    static func knock(port: Int, seconds: Double = 2) -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .refused }
        defer { close(fd) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return .refused }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return .stayedOpen }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(fd, &buffer, buffer.count)
        return count > 0 ? .spoke(String(decoding: buffer[..<count], as: UTF8.self)) : .closedSilently
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    enum Failure: Error { case socket(Int32) }
}
