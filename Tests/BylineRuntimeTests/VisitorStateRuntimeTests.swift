import BylineCore
import BylineRuntime
import BylineTestSupport
import Foundation
import Synchronization
import XCTest

/// What the runtime adds for returning readers and SSH visitors: the visits' local times for the
/// welcome line, a note (not a crash) when a bounded state is full, and work started only once the
/// first screen is out.
final class VisitorStateRuntimeTests: XCTestCase {
    /// 2026-12-08, a Tuesday, 10:00 UTC.
    private let tuesday = 1_796_688_000.0 + 10 * 3600

    func testTheStateFileTakesTheVisitsOnTheReadersClock() throws {
        let folder = try TempFolder()
        let path = folder.path + "/blog.state.sqlite"
        let now = Mutex(tuesday)
        let store = try RuntimeHarness.shippedStore()
        // An hour east of UTC: the reader's clock says 11:00.
        let file = { ReadingStateFile(path: path, clock: { now.withLock { $0 } }, utcOffset: { _ in 3600 }) }
        guard case let .readingStateLoaded(first)? = file().load(store).first else { return XCTFail() }
        XCTAssertNil(first.clock, "a first visit has no last visit")
        now.withLock { $0 += 2 * 86_400 }
        guard case let .readingStateLoaded(second)? = file().load(store).first else { return XCTFail() }
        let clock = try XCTUnwrap(second.clock)
        XCTAssertEqual([clock.lastVisit.hour, clock.lastVisit.weekday, clock.now.weekday], [11, 2, 4])
        var state = AppState(store: store, blogName: "posts", width: 100, height: 30)
        _ = Reducer.reduce(&state, .readingStateLoaded(second))
        XCTAssertEqual(state.note, "welcome back — nothing new since Tuesday")
    }

    func testTheLocalOffsetIsTheProcesssTimeZones() {
        // Whatever the machine's zone, an offset is within a day and a whole number of minutes.
        let offset = ReadingStateFile.localOffset(tuesday)
        XCTAssertLessThan(abs(offset), 86_400)
        XCTAssertEqual(offset % 60, 0)
    }

    func testABoundedStatePastItsBoundGivesOneNoteAndReadingGoesOn() throws {
        let folder = try TempFolder()
        let file = ReadingStateFile(path: folder.path + "/visitor/blog.state.sqlite", maximumBytes: 64 * 1024)
        let store = try RuntimeHarness.shippedStore()
        XCTAssertEqual(file.load(store).count, 1, "the shipped blog fits: the state alone, no note")
        let long = (0..<300).map { PostKey(slug: "s\($0)", path: "p\($0)-" + String(repeating: "y", count: 900)) }
        file.save(ReadingStateChange(long.map { .init(key: $0, marks: PostMarks(read: true)) }))
        let notes = file.takeNotes()
        XCTAssertEqual(notes, [.note("reading state full (64 KiB): changes from now on last this session only")])
        file.save(ReadingStateChange(long.map { .init(key: $0, marks: PostMarks(saved: true)) }))
        XCTAssertEqual(file.takeNotes(), [], "said once")
        // A change that fits is still written.
        file.save(ReadingStateChange([.init(key: PostKey(store.posts[0]), marks: PostMarks(read: true))]))
        guard case let .readingStateLoaded(again)? = ReadingStateFile(path: file.path, maximumBytes: file.maximumBytes).load(store).first else { return XCTFail() }
        XCTAssertTrue(again.marks(of: store.posts[0].path).read)
    }

    func testAVisitorsStateKeepsTheSightingsInTheSharedFileAndSaysWhenItWasReplaced() throws {
        let folder = try TempFolder()
        let shared = folder.path + "/visitors/blog.seen.sqlite"
        let store = try RuntimeHarness.shippedStore()
        let visitor = { (name: String) in
            ReadingStateFile(path: folder.path + "/visitors/\(name)/blog.state.sqlite", maximumBytes: 64 * 1024, seenPath: shared)
        }
        XCTAssertEqual(visitor("a").load(store).count, 1, "the state alone, no note")
        XCTAssertTrue(FileManager.default.fileExists(atPath: shared))
        // A torn shared file: moved aside and replaced, with a note; the visitor's own state is kept.
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: shared))
        let answers = visitor("a").load(store)
        XCTAssertEqual(answers.count, 2)
        guard case let .readingStateLoaded(state)? = answers.first, case let .note(note)? = answers.last else { return XCTFail("\(answers)") }
        XCTAssertNotNil(state.lastVisit, "the visitor's own file is untouched")
        XCTAssertTrue(note.hasPrefix("the shared record of posts seen could not be trusted: moved to \(shared).bad-"), note)
    }

    func testTheNoteReachesTheStatusLine() throws {
        let store = try RuntimeHarness.shippedStore()
        let performers = Performers(loadReadingState: { _ in [.readingStateLoaded(ReadingState())] },
                                    readingStateNotes: { [.note("reading state full (4096 KiB): changes from now on last this session only")] })
        let harness = RuntimeHarness(store: store, performers: performers)
        harness.waitForScreen(containing: "14 of 14 posts")
        harness.backend.feed(.key(.character("r")))
        harness.waitForScreen(containing: "reading state full")
        harness.backend.feed(.key(.character("q")))
        XCTAssertEqual(harness.waitForEnding(), .quit)
    }

    func testAfterFirstPaintStartsItsWorkOnceTheFirstScreenIsOut() throws {
        let backend = MemoryBackend(width: 100, height: 30, clock: DrivenClock())
        let calls = Mutex<[Int]>([])
        let wrapped = AfterFirstPaint(backend) { calls.withLock { $0.append(backend.frames) } }
        let state = AppState(store: try RuntimeHarness.shippedStore(), blogName: "posts", width: 100, height: 30)
        let runtime = ReaderRuntime(state: state, backend: wrapped, performers: Performers())
        let ended = Mutex<ReaderRuntime.Ending?>(nil)
        Thread { ended.withLock { $0 = runtime.run(start: .complete) } }.start()
        let deadline = Date().addingTimeInterval(20)
        while !backend.text.contains("14 of 14 posts"), Date() < deadline { usleep(1000) }
        backend.feed(.key(.down))
        while backend.frames < 2, Date() < deadline { usleep(1000) }
        backend.feed(.key(.character("q")))
        while ended.withLock({ $0 }) == nil, Date() < deadline { usleep(1000) }
        XCTAssertEqual(ended.withLock { $0 }, .quit)
        XCTAssertGreaterThan(backend.frames, 1)
        XCTAssertEqual(calls.withLock { $0 }, [1], "once, right after the first frame was painted")
    }
}
