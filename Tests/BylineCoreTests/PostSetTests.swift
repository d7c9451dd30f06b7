import BylineCore
import XCTest

/// The bitset behind tag filtering: its members come back in increasing order, across word edges.
final class PostSetTests: XCTestCase {
    func testIterationYieldsTheMembersInIncreasingOrder() {
        let members = [0, 1, 63, 64, 65, 127, 128, 500, 1_000, 1_002]
        let set = PostSet(capacity: 1_003, members: members.shuffled())
        XCTAssertEqual(Array(set), members)
        XCTAssertEqual(set.underestimatedCount, members.count)
        XCTAssertEqual(set.map { $0 }, members)
    }

    func testEmptyAndFullSets() {
        XCTAssertEqual(Array(PostSet(capacity: 0)), [])
        XCTAssertEqual(Array(PostSet(capacity: 130)), [])
        XCTAssertEqual(Array(PostSet.all(130)), Array(0..<130))
        XCTAssertEqual(Array(PostSet.all(128)), Array(0..<128))
    }

    func testIterationAgreesWithContainsOnARandomSet() {
        var generator = SystemRandomNumberGenerator()
        let capacity = 10_000
        let members = Set((0..<3_000).map { _ in Int.random(in: 0..<capacity, using: &generator) })
        let set = PostSet(capacity: capacity, members: members)
        XCTAssertEqual(Array(set), members.sorted())
        XCTAssertEqual(Array(set).count, set.count)
        XCTAssertTrue((0..<capacity).allSatisfy { set.contains($0) == members.contains($0) })
    }
}
