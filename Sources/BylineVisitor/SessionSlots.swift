import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// At most `limit` sessions of one blog at once, counted across processes (`byline read
/// --max-sessions N`): one empty file per blog, and one byte of it per session. A session holds an
/// exclusive lock on the first byte in `0..<limit` that no one else holds, and keeps it until it ends.
///
/// Why locks and not a number kept in a file: a count is wrong as soon as a session dies without
/// taking itself off it (SIGKILL, a crash, a power cut), while the kernel drops a lock whatever way
/// its holder ends, so nothing ever needs cleaning up and nothing goes stale. Why open file
/// description locks on the bytes of one file (Linux's `F_OFD_SETLK`) and not `flock` on N files:
/// one file and one `open` per session whatever N is (10,000 slots are 10,000 `fcntl` calls on one
/// descriptor, not 10,000 files opened in a folder), and, unlike classic `F_SETLK` locks, they belong
/// to the open file (not the process: closing another descriptor of the same file drops nothing) and
/// conflict between two opens in one process, so the tests can fill the slots from one process. The
/// file stays empty: a lock may cover bytes past its end.
///
/// The file is made mode 600 and never through a symbolic link (`O_NOFOLLOW`); one that is not a
/// regular file of this account is refused rather than trusted, since whoever could write it could
/// hold every slot. Its path is the operator's (the state or cache folder) and the blog's; nothing a
/// visitor sends names it.
package struct SessionSlots: Sendable {
    /// The most sessions `--max-sessions` may allow: past it the limit protects nothing (ten thousand
    /// readers of 5 MB each already need 50 GB), and a full blog's refusal tries every slot once.
    package static let maximumLimit = 10_000

    /// The blog's slots file.
    package let file: String
    /// How many sessions may hold a slot at once (1...`maximumLimit`).
    package let limit: Int

    package init(file: String, limit: Int) {
        self.file = file
        self.limit = min(max(1, limit), Self.maximumLimit)
    }

    /// What `take` found.
    package enum Outcome {
        /// A slot is this session's until `SessionSlot.release` or the process ends.
        case taken(SessionSlot)
        /// Every slot is held: `limit` sessions are reading.
        case full
        /// The count cannot be kept (the folder cannot be written, the file is a link or not this
        /// account's, locks are not supported there): why, naming the file, for the operator.
        case cannotCount(String)
    }

    /// Takes the first free slot, creating the folder (mode 700) and the file (mode 600) if need be.
    /// Never waits for a slot.
    package func take() -> Outcome {
        let folder = (file as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                return .cannotCount("cannot make \(folder): \(Self.reason(of: error))")
            }
        }
        let descriptor = open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            return .cannotCount("cannot open \(file): " + (code == ELOOP ? "it is a symbolic link" : Self.text(errno: code)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            return .cannotCount("cannot read \(file): \(Self.text(errno: code))")
        }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else {
            close(descriptor)
            return .cannotCount("\(file) is not a regular file of this account's")
        }
        for index in 0..<limit {
            switch Self.lock(descriptor, byte: index) {
            case 0:
                return .taken(SessionSlot(descriptor: descriptor, index: index))
            case EAGAIN, EACCES:
                continue
            case let code:
                close(descriptor)
                return .cannotCount("cannot lock \(file): \(Self.text(errno: code))")
            }
        }
        close(descriptor)
        return .full
    }

    /// `F_OFD_SETLK` (fcntl.h, Linux 3.15 and later), which Swift's Glibc module does not import: it
    /// is declared only under `_GNU_SOURCE`.
    static let setOpenFileLock: Int32 = 37

    /// An exclusive lock on one byte, not waiting: 0, or the errno (EAGAIN or EACCES when it is held).
    private static func lock(_ descriptor: Int32, byte: Int) -> Int32 {
        var request = flock()
        request.l_type = Int16(F_WRLCK)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = off_t(byte)
        request.l_len = 1
        request.l_pid = 0  // must be 0 for an open file description lock
        return fcntl(descriptor, setOpenFileLock, &request) == 0 ? 0 : errno
    }

    private static func text(errno code: Int32) -> String { String(cString: strerror(code)) }

    private static func reason(of error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return text(errno: Int32(underlying.code))
        }
        return (error as NSError).localizedDescription
    }
}

/// A session's slot: an open descriptor of the slots file with a lock on one byte. Closing it (or
/// the process ending, however it ends) frees the slot.
package final class SessionSlot: @unchecked Sendable {
    /// Which byte, 0..<limit: the slot's number.
    package let index: Int
    private var descriptor: Int32

    init(descriptor: Int32, index: Int) {
        self.descriptor = descriptor
        self.index = index
    }

    deinit { release() }

    /// Frees the slot now (idempotent).
    package func release() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }
}
