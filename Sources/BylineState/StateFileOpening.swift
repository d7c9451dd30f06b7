#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB

/// How byline opens one of its SQLite state files (a blog's reading state, the visitors' shared
/// `seen` file): the same care for each. A file that is not SQLite, is torn, or carries another
/// application's stamps (or a version it cannot read) is never trusted: it is moved aside
/// (`NAME.bad-TIME`) and a new one made in its place. A new file is made complete in a temporary file
/// and linked into place, so no session opens half a schema. A file of an older version it knows is
/// migrated in place, in one transaction. Files are in WAL mode; every write is a short transaction
/// and a session waits `busySeconds` for another's.
struct StateFileOpening {
    /// `application_id`: whose file it is.
    var applicationID: Int32
    /// `user_version`: the schema this byline writes.
    var version: Int32
    /// Older versions this byline migrates to `version` (in place, one transaction).
    var migratable: Set<Int32> = []
    /// Makes the tables of `version` (stamps included) in an empty database.
    var create: (Database) throws -> Void
    /// Migrates a file of a `migratable` version (given) to `version`, stamps included.
    var migrate: (Database, Int32) throws -> Void = { _, _ in }
    /// What the file is, for messages ("state", "seen posts").
    var noun: String
    /// How long a write waits for another session's.
    var busySeconds: Double = 5
    /// A label for GRDB's queue.
    var label: String

    /// The opened file, and what was moved aside on the way (a foreign or torn file).
    struct Opened {
        var queue: DatabaseQueue
        var movedAside: String?
    }

    /// Opens `path`, making it (and its folder, mode 700) when missing; `prepare` runs on the
    /// connection after WAL is set (a bound).
    func open(_ path: String, prepare: (@Sendable (Database) throws -> Void)? = nil) throws(ReadingStateStore.Unusable) -> Opened {
        typealias Unusable = ReadingStateStore.Unusable
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        var movedAside: String?
        if access(path, F_OK) == 0, let problem = problem(with: path) {
            let aside = path + ".bad-\(Int(Date().timeIntervalSince1970))"
            guard rename(path, aside) == 0 else {
                throw Unusable(description: "cannot move the unusable \(noun) \(path) aside (\(problem)): \(String(cString: strerror(errno)))")
            }
            for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
            movedAside = aside
        }
        if access(path, F_OK) != 0 { try make(path) }
        try migrateIfOlder(path)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(prepare: prepare))
            // Made complete or checked above; one more look in case another session replaced it meanwhile.
            let stamps = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int32.fetchOne(db, sql: "PRAGMA user_version"))
            }
            guard stamps.0 == applicationID, stamps.1 == version else {
                throw Unusable(description: "\(noun) \(path) changed under byline")
            }
            return Opened(queue: queue, movedAside: movedAside)
        } catch let error as Unusable {
            throw error
        } catch {
            throw Unusable(description: "\(noun) \(path) cannot be opened: \(error)")
        }
    }

    private func configuration(prepare: (@Sendable (Database) throws -> Void)?) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busySeconds)
        configuration.label = label
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            try prepare?(db)
        }
        return configuration
    }

    /// Why the file at `path` cannot be trusted, or nil when it is byline's file of this schema (or
    /// one it migrates), whole.
    func problem(with path: String) -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db -> String? in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard application == applicationID else { return "not byline's \(noun) (application_id \(application))" }
                let found = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard found == version || migratable.contains(found) else { return "\(noun) of another version (\(found))" }
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
                return check == "ok" ? nil : "damaged: \(check)"
            }
        } catch {
            return "not readable: \(error)"
        }
    }

    /// Makes a new file: complete in a temporary file, then linked to `path` (a session that made one
    /// first keeps its own: `link` never replaces).
    private func make(_ path: String) throws(ReadingStateStore.Unusable) {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        defer { unlink(temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary)
            try queue.inDatabase { db in
                try create(db)
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try queue.close()
        } catch {
            throw ReadingStateStore.Unusable(description: "cannot make the \(noun) \(path): \(error)")
        }
        guard link(temporary, path) == 0 || errno == EEXIST else {
            throw ReadingStateStore.Unusable(description: "cannot make the \(noun) \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Migrates a file of an older version in place, in one immediate transaction that looks at the
    /// version again (two sessions starting at once migrate it once). On a connection of its own with
    /// no bound: the copy made on the way may need room the bound would refuse, and the result is
    /// smaller than what it replaces.
    private func migrateIfOlder(_ path: String) throws(ReadingStateStore.Unusable) {
        guard !migratable.isEmpty else { return }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busySeconds)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let found = try queue.read { db in try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            guard migratable.contains(found) else { return }
            try queue.write { db in
                let now = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if migratable.contains(now) { try migrate(db, now) }
            }
        } catch {
            throw ReadingStateStore.Unusable(description: "\(noun) \(path) cannot be migrated: \(error)")
        }
    }
}
