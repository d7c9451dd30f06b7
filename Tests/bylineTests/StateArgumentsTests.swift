import ArgumentParser
@testable import byline
import BylineCore
import XCTest

/// `--state-dir` and `--no-state`, and where the reading state goes: nowhere when restricted, with
/// `--no-state`, or inside the posts folder.
final class StateArgumentsTests: XCTestCase {
    private func launch(_ arguments: [String]) throws -> ReaderLaunch {
        try XCTUnwrap(try Byline.parseAsRoot(arguments) as? ReadCommand, "\(arguments)").launch
    }

    func testTheOptionsParse() throws {
        XCTAssertEqual(try launch(["posts", "--state-dir", "/tmp/state"]), ReaderLaunch(path: "posts", stateDir: "/tmp/state"))
        XCTAssertEqual(try launch(["--no-state", "posts"]), ReaderLaunch(path: "posts", noState: true))
        XCTAssertEqual(try launch(["posts"]).stateDir, nil)
    }

    func testWhereTheStateGoes() throws {
        let blog = try ScratchFolder(), elsewhere = try ScratchFolder()
        let real = try XCTUnwrap(realPath(blog.path))
        let file = try XCTUnwrap(StateOptions.file(forFolder: real, directory: elsewhere.path, noState: false, restricted: false))
        XCTAssertTrue(file.hasPrefix((realPath(elsewhere.path) ?? elsewhere.path) + "/"), file)
        XCTAssertTrue(file.hasSuffix(".sqlite"))
        XCTAssertNil(StateOptions.file(forFolder: real, directory: elsewhere.path, noState: true, restricted: false))
        XCTAssertNil(StateOptions.file(forFolder: real, directory: elsewhere.path, noState: false, restricted: true),
                     "restricted mode keeps no state (for now)")
        XCTAssertNil(StateOptions.file(forFolder: real, directory: blog.path + "/.state", noState: false, restricted: false),
                     "never inside the posts folder")
        XCTAssertNil(StateOptions.file(forFolder: real, directory: blog.path, noState: false, restricted: false))
    }
}
