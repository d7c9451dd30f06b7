import BylineCore
import Synchronization

/// One running effect as its performer sees it: where its answers go, whether a newer effect of the
/// same identity has cancelled it, the clock, and the gate that makes background work give way to keys.
package final class EffectContext: Sendable {
    /// The effect being performed.
    package let effect: Effect
    /// The runtime's clock, for throttling what is sent.
    package let clock: any RuntimeClock
    /// Slept on by work behind the screen while the runtime answers a key.
    package let giveWay: GiveWay
    private let inbox: Inbox
    private let cancelled = Atomic<Bool>(false)

    init(_ effect: Effect, inbox: Inbox, clock: any RuntimeClock, giveWay: GiveWay) {
        self.effect = effect
        self.giveWay = giveWay
        self.inbox = inbox
        self.clock = clock
    }

    /// Whether the effect was cancelled: its answers are dropped, and it may stop early.
    package var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Hands `action` to the runtime, which reduces it unless the effect has been cancelled by then.
    package func send(_ action: Action) { inbox.post(.action(action, from: self)) }

    /// Hands a first screen laid out ahead to the runtime's view cache.
    func keep(_ ahead: LaidOutAhead) { inbox.post(.laidOut(ahead, from: self)) }

    func cancel() { cancelled.store(true, ordering: .releasing) }
    func finish() { inbox.post(.finished(self)) }
}
