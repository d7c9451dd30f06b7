import Foundation

/// Waiting for something another process does, with a deadline that suits a loaded machine.
enum Polling {
    /// Asks `condition` every 20 ms until it holds (true) or `seconds` have passed (false, after one
    /// last ask at the deadline).
    static func until(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }
}
