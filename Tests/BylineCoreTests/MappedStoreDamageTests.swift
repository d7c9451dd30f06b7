import BylineTestSupport
import Foundation
import XCTest
@testable import BylineCore

/// Issue 20: a store file is never trusted. A damaged, truncated, foreign, empty, other-version or
/// other-generation file is refused at open, with a reason, and never traps or reads outside the mapping.
final class MappedStoreDamageTests: XCTestCase {
    private var folder: TempFolder!
    private var path: String { folder.path + "/blog.store" }
    private var good: [UInt8] = []
    private let generation: UInt64 = 0xBEEF

    override func setUpWithError() throws {
        folder = try TempFolder()
        let blog = try TempFolder()
        try MappedStoreTests.writeEdgeCaseBlog(200, into: blog)
        let store = try loadStore(blog.path)
        try MappedStoreWriter.write(store, documentIDs: store.posts.indices.map { Int64($0) }, generation: generation, to: path)
        good = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertNoThrow(try MappedStore.open(path: path, root: "/x", generation: generation))
    }

    /// Opens `bytes` written as the store file; the reason it was refused, or nil when it was used.
    private func refusal(_ bytes: [UInt8], generation: UInt64? = nil) throws -> String? {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            let store = try MappedStore.open(path: path, root: "/x", generation: generation ?? self.generation)
            // Whatever was used must read whole without trapping.
            _ = Array(store.posts)
            return nil
        } catch {
            return error.description
        }
    }

    /// The sections' ranges in `good`, from its table.
    private var sections: [Range<Int>] {
        (0..<MappedStoreFormat.Section.allCases.count).map { number in
            let entry = MappedStoreFormat.fixedHeader + number * MappedStoreFormat.sectionEntry
            let offset = good.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: entry, as: UInt64.self)) }
            let length = good.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self)) }
            return offset..<offset + length
        }
    }

    func testAByteFlippedInEachSectionAndTheHeaderIsRefused() throws {
        let sections = sections
        XCTAssertEqual(sections.count, MappedStoreFormat.Section.allCases.count)
        for (number, range) in sections.enumerated() where !range.isEmpty {
            for place in Set([range.lowerBound, range.lowerBound + range.count / 2, range.upperBound - 1]) {
                var damaged = good
                damaged[place] ^= 0x5A
                let why = try refusal(damaged)
                XCTAssertNotNil(why, "section \(number), byte \(place)")
                XCTAssertTrue(why?.contains("damaged") == true, "\(why ?? "")")
            }
        }
        for place in 0..<MappedStoreFormat.headerLength {
            var damaged = good
            damaged[place] ^= 0x01
            XCTAssertNotNil(try refusal(damaged), "header byte \(place)")
        }
        // Every byte between sections (the alignment's zeros) changed too: the length or a checksum tells.
        XCTAssertNil(try refusal(good), "the good file is used")
    }

    func testEveryTruncationAndAnAddedByteAreRefused() throws {
        var lengths = Set(stride(from: 0, to: good.count, by: max(1, good.count / 300)))
        lengths.formUnion([0, 1, 7, 8, 39, 40, MappedStoreFormat.headerLength - 1, MappedStoreFormat.headerLength, good.count - 1])
        for length in lengths.sorted() {
            XCTAssertNotNil(try refusal(Array(good.prefix(length))), "cut to \(length) of \(good.count) bytes")
        }
        XCTAssertNotNil(try refusal(good + [0]), "a byte added")
        XCTAssertNotNil(try refusal(good + good), "written twice")
    }

    func testForeignEmptyOtherVersionAndOtherGenerationFilesAreRefused() throws {
        XCTAssertEqual(try refusal([]).map { $0.contains("empty") }, true)
        XCTAssertNotNil(try refusal(Array("SQLite format 3\u{0}".utf8) + [UInt8](repeating: 0, count: 4096)))
        XCTAssertNotNil(try refusal(Array(repeating: 0xFF, count: good.count)))
        XCTAssertTrue(try refusal(good, generation: generation + 1)?.contains("another build") == true)
        // Another version, with a header checksum that holds: refused for its version.
        var other = good
        other[MappedStoreFormat.versionOffset] &+= 1
        XCTAssertTrue(try refusal(Self.resealed(other))?.contains("another version") == true)
        // Another byte order.
        var swapped = good
        swapped.replaceSubrange(MappedStoreFormat.byteOrderOffset..<MappedStoreFormat.byteOrderOffset + 4,
                                with: withUnsafeBytes(of: MappedStoreFormat.byteOrderMark.byteSwapped) { Array($0) })
        XCTAssertTrue(try refusal(Self.resealed(swapped))?.contains("byte order") == true)
        // A folder, a missing file.
        try FileManager.default.removeItem(atPath: path)
        XCTAssertThrowsError(try MappedStore.open(path: path, root: "/x", generation: generation)) { error in
            XCTAssertTrue((error as? MappedStore.Failure)?.isMissing == true)
        }
        XCTAssertThrowsError(try MappedStore.open(path: folder.path, root: "/x", generation: generation))
    }

    /// A file whose sections hold what their checksums say but whose offsets lie (as a writer with a bug
    /// might make): every offset is checked at use, nothing reads outside the mapping.
    func testLyingOffsetsInsideWholeSectionsNeverReadOutside() throws {
        let sections = sections
        let records = sections[MappedStoreFormat.Section.records.rawValue]
        var generator = SplitMix(seed: 9)
        for round in 0..<200 {
            var bad = good
            for _ in 0..<8 {
                let place = records.lowerBound + generator.next(records.count)
                bad[place] = UInt8(truncatingIfNeeded: generator.next())
            }
            let section = Array(bad[records])
            let checksum = section.withUnsafeBufferPointer(StoreChecksum.of)
            let entry = MappedStoreFormat.fixedHeader + MappedStoreFormat.Section.records.rawValue * MappedStoreFormat.sectionEntry + 16
            withUnsafeBytes(of: checksum) { bad.replaceSubrange(entry..<entry + 8, with: $0) }
            _ = try refusal(Self.resealed(bad))
            _ = round
        }
        // Tag tables that point outside the strings are refused at open.
        var lying = good
        let table = sections[MappedStoreFormat.Section.tagTable.rawValue]
        XCTAssertFalse(table.isEmpty)
        withUnsafeBytes(of: UInt32.max) { lying.replaceSubrange(table.lowerBound..<table.lowerBound + 4, with: $0) }
        let tableChecksum = Array(lying[table]).withUnsafeBufferPointer(StoreChecksum.of)
        let tableEntry = MappedStoreFormat.fixedHeader + MappedStoreFormat.Section.tagTable.rawValue * MappedStoreFormat.sectionEntry + 16
        withUnsafeBytes(of: tableChecksum) { lying.replaceSubrange(tableEntry..<tableEntry + 8, with: $0) }
        XCTAssertTrue(try refusal(Self.resealed(lying))?.contains("outside") == true)
    }

    /// `bytes` with the header checksum made to hold again.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var header = Array(bytes.prefix(MappedStoreFormat.headerLength))
        for index in MappedStoreFormat.checksumOffset..<MappedStoreFormat.checksumOffset + 4 { header[index] = 0 }
        let checksum = UInt32(truncatingIfNeeded: header.withUnsafeBufferPointer(StoreChecksum.of))
        var sealed = bytes
        withUnsafeBytes(of: checksum) { sealed.replaceSubrange(MappedStoreFormat.checksumOffset..<MappedStoreFormat.checksumOffset + 4, with: $0) }
        return sealed
    }
}
