#if canImport(Glibc)
import Glibc
#endif
import BylineCore
import Synchronization

/// The runtime's one queue: background work posts its results here as actions, and each post wakes the
/// loop through a descriptor it polls beside the terminal (`WakeUp`). Keys and resizes come in through
/// the same `poll`, from the backend.
final class Inbox: Sendable {
    /// What background work can post.
    enum Message: Sendable {
        /// An answer of the effect `from` (dropped if that effect was cancelled meanwhile).
        case action(Action, from: EffectContext)
        /// A preview's first screen laid out with a body parsed ahead, for the view's cache (dropped if
        /// the effect was cancelled meanwhile: the store it was laid out from may be gone).
        case laidOut(LaidOutAhead, from: EffectContext)
        /// The effect has returned: nothing more comes from it.
        case finished(EffectContext)
        /// Something that happened outside the reader, not an answer of an effect: the folder changed.
        case event(Action)
    }

    private let queue = Mutex<[Message]>([])
    private let wakeUp = WakeUp()
    /// Readable while messages wait: the loop polls it with the terminal.
    var wakeDescriptor: Int32 { wakeUp.descriptor }

    /// Queues `message`; the first message of an empty queue wakes the loop (it takes them all at once).
    func post(_ message: Message) {
        let wasEmpty = queue.withLock { queue in
            defer { queue.append(message) }
            return queue.isEmpty
        }
        if wasEmpty { wakeUp.signal() }
    }

    /// Every message waiting, oldest first; the descriptor is quiet again until the next post. A post
    /// writes to the descriptor after it appends, so with nothing to read nothing was posted since the
    /// last take (or its byte is on the way, and wakes the loop): a key's turn through the loop then
    /// takes no lock.
    func take() -> [Message] {
        guard !wakeUp.drain().isEmpty else { return [] }
        return queue.withLock { queue in
            defer { queue = [] }
            return queue
        }
    }
}
