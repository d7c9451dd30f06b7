import BylineCore
import Dispatch
import Synchronization

/// Performs effects off the input thread and keeps track of those running: a newer effect with the same
/// identity (`Effect.id`) cancels the older, whose answers are then dropped. Used by the runtime alone,
/// on its thread; the work itself runs elsewhere and answers through the inbox.
final class EffectRunner {
    private let performers: Performers
    private let inbox: Inbox
    private let clock: any RuntimeClock
    private let giveWay: GiveWay
    /// The running effect of each identity.
    private var latest: [EffectID: EffectContext] = [:]
    /// Effects whose answer the next frame waits for (`Effect.completesFrame`), until it arrives.
    private var awaited: Set<ObjectIdentifier> = []
    /// Effects reading post bodies by number: a replaced store gives the numbers other meanings.
    private var bodyReaders: [ObjectIdentifier: EffectContext] = [:]
    private let started = Atomic<Int>(0)
    /// Effects started and not yet finished, as the runtime has seen them.
    var running: Int { started.load(ordering: .acquiring) }
    /// A refresh was asked for while the blog was being read: it runs when that reading ends. Two
    /// readings of one folder at once would race on the cache, and cancelling the running one could
    /// lose a change it had already passed; a change seen during a refresh leads to another.
    private var refreshAgain = false
    /// Bodies parsed ahead run one after another, on one core: they are for later, not for now.
    private let prefetchQueue = DispatchQueue(label: "byline.prefetch", qos: .utility)
    /// The reading state's writes, one after another in the order asked: a later change of a post
    /// never lands before an earlier one.
    private let saveQueue = DispatchQueue(label: "byline.state", qos: .utility)

    init(performers: Performers, inbox: Inbox, clock: any RuntimeClock, giveWay: GiveWay) {
        self.giveWay = giveWay
        self.performers = performers
        self.inbox = inbox
        self.clock = clock
    }

    /// Whether an effect the frame waits for has not answered yet.
    var frameAwaitsAnswer: Bool { !awaited.isEmpty }

    /// Starts `effect` as `state` asked for it (its store, its layout).
    func perform(_ effect: Effect, in state: AppState) {
        if effect == .loadBlog || effect == .refreshBlog { return performBlog(effect) }
        let context = EffectContext(effect, inbox: inbox, clock: clock, giveWay: giveWay)
        started.add(1, ordering: .releasing)
        if let id = effect.id {
            if let older = latest[id] { forget(older) }
            latest[id] = context
        }
        if effect.completesFrame { awaited.insert(ObjectIdentifier(context)) }
        let performers = self.performers
        let store = state.store
        switch effect {
        case .loadBlog, .refreshBlog:
            break  // `performBlog`
        case let .search(query):
            DispatchQueue.global(qos: .userInitiated).async {
                performers.search(query, store, context)
                context.finish()
            }
        case let .loadBody(post):
            bodyReaders[ObjectIdentifier(context)] = context
            DispatchQueue.global(qos: .userInitiated).async {
                let answer = performers.body(post, store)
                context.send(answer)
                context.finish()
                // A post that links to others may be followed from: the look-up of posts by link is
                // built now, off the input thread, not by the first follow (`PostLinkIndex`).
                Self.prepareLinks(after: answer, in: store)
            }
        case let .prefetchBodies(posts):
            bodyReaders[ObjectIdentifier(context)] = context
            prefetchQueue.async {
                var answers: [Action] = []
                for post in posts where !context.isCancelled {
                    let answer = performers.body(post, store)
                    // The first screen of each laid out as the preview would show it now.
                    if case let .bodyLoaded(_, loaded) = answer, let ahead = PreviewContent.layOutAhead(state, post: post, loaded) {
                        context.keep(ahead)
                    }
                    context.send(answer)
                    answers.append(answer)
                }
                context.finish()
                for answer in answers { Self.prepareLinks(after: answer, in: store) }
            }
        case .prepareTitleOrder:
            DispatchQueue.global(qos: .utility).async {
                _ = store.titleOrder
                context.finish()
            }
        case .loadReadingState:
            DispatchQueue.global(qos: .userInitiated).async {
                for answer in performers.loadReadingState(store) { context.send(answer) }
                context.finish()
            }
        case let .saveReadingState(change):
            saveQueue.async {
                performers.saveReadingState(change)
                for note in performers.readingStateNotes() { context.send(note) }
                context.finish()
            }
        case .redraw, .copyToClipboard, .quit, .interrupt:
            context.finish()
        }
    }

    /// A post that links to others of the blog may be followed from: the look-up of posts by link
    /// (`PostLinkIndex`) is built after its body, off the input thread, not by the first follow.
    private static func prepareLinks(after answer: Action, in store: PostStore) {
        guard case let .bodyLoaded(_, loaded) = answer, !store.linkIndex.isBuilt,
              loaded.document.references.contains(where: { InternalLink.kind(of: $0) != nil }) else { return }
        store.linkIndex.prepare(store)
    }

    /// Waits until every reading state change asked for is written (the session is ending).
    func waitForSaves() { saveQueue.sync {} }

    /// The session ends: what the performers left for later is done now (`Performers.finish`).
    func finish() { performers.finish() }

    /// A frame is out: the next waits only for what the actions after it ask for.
    func framePainted() { awaited = [] }

    /// The answer to hand to the reducer, or nil when its effect was cancelled.
    func admit(_ action: Action, from context: EffectContext) -> Action? {
        guard !context.isCancelled else { return nil }
        switch action {
        case .storeReplaced, .bodyLoaded, .bodyFailed, .readingStateLoaded: awaited.remove(ObjectIdentifier(context))
        default: break
        }
        return action
    }

    /// The effect has returned.
    func finished(_ context: EffectContext) {
        started.subtract(1, ordering: .releasing)
        awaited.remove(ObjectIdentifier(context))
        bodyReaders[ObjectIdentifier(context)] = nil
        if let id = context.effect.id, latest[id] === context { latest[id] = nil }
        if refreshAgain, latest[.blog] == nil {
            refreshAgain = false
            performBlog(.refreshBlog)
        }
    }

    /// Reads the blog on a thread of its own (the whole of it, or what changed); a refresh asked for
    /// while a reading runs waits for its end (`refreshAgain`).
    private func performBlog(_ effect: Effect) {
        if effect == .refreshBlog, latest[.blog] != nil {
            refreshAgain = true
            return
        }
        let context = EffectContext(effect, inbox: inbox, clock: clock, giveWay: giveWay)
        started.add(1, ordering: .releasing)
        if let older = latest[.blog] { forget(older) }
        latest[.blog] = context
        if effect.completesFrame { awaited.insert(ObjectIdentifier(context)) }
        let performers = self.performers
        BackgroundThread.detach {
            performers.blog(effect == .refreshBlog, context)
            context.finish()
        }
    }

    /// The store was replaced: every read of a body by its old number is cancelled.
    func cancelBodyReads() {
        for context in bodyReaders.values { forget(context) }
    }

    private func forget(_ context: EffectContext) {
        context.cancel()
        awaited.remove(ObjectIdentifier(context))
        bodyReaders[ObjectIdentifier(context)] = nil
        if let id = context.effect.id, latest[id] === context { latest[id] = nil }
    }
}
