// libFuzzer target: one post file's bytes through the store, as `list`, `check` and the reader load it,
// and the same bytes straight through the YAML and TOML front matter parsers.
//
// Built by fuzz/build.sh; fuzz/README.md says how to run it. A finding is a crash (an abort in a
// parser, a trap in Swift), a run past -timeout, memory past -rss_limit_mb, or a broken promise
// checked below (then `fatalError` makes it a crash, with the reason).
import BylineCore
import BylineMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// A blog of two posts in a folder of this process: the fuzzed file and a good neighbour, which must
/// always be listed (issue 15: one bad file never hides the rest of the blog).
private let blog: String = {
    var template = Array((scratchRoot() + "/byline-fuzz-frontmatter-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a scratch folder: \(errno)") }
    let folder = String(cString: made)
    write(folder + "/good.md", Array("---\ntitle: Good neighbour\ntags: [kept]\n---\nStill here.\n".utf8))
    atexit { removeBlog() }
    return folder
}()

/// Removes the scratch blog when the fuzzer exits (a crash leaves it, beside the reproducer).
private func removeBlog() {
    unlink(blog + "/good.md")
    unlink(fuzzedPath)
    rmdir(blog)
}

private let fuzzedPath = blog + "/fuzzed.md"

private func write(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { fatalError("cannot write \(path): \(errno)") }
    defer { close(fd) }
    let all = bytes.withUnsafeBytes { WholeWrite.write($0, to: fd) }
    guard all else { fatalError("cannot write \(path): \(errno)") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func frontMatterFuzzEntry(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    Watchdog.run { frontMatterFuzz(data, count) }
}

func frontMatterFuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : count))

    // 1. The whole file through the store: the finder, the loader's prefix reads, BOM/CRLF/UTF-8
    //    cleaning, the fence search, the parser, the metadata. Odd lengths load as `check` does.
    write(fuzzedPath, bytes)
    let options = PostStore.Options(includeDrafts: true, readWholeFiles: count % 2 == 1)
    let store: PostStore
    do {
        store = try PostStore.load(root: blog, options: options, inspector: CmarkBodyInspector())
    } catch {
        fatalError("the blog folder could not be opened: \(error)")
    }
    guard store.posts.contains(where: { $0.title == "Good neighbour" && $0.tags == ["kept"] }) else {
        fatalError("the good neighbour is missing: \(store.posts.count) posts, diagnostics \(store.diagnostics)")
    }
    for tag in store.tags.tags { _ = tag.name.utf8.count }

    // 2. The same bytes as a block of each format, whatever fences they have.
    // Repaired to UTF-8 first, as the loader hands the parser only well-formed text.
    let text = Array(String(decoding: bytes, as: UTF8.self).utf8)
    for format in [FrontMatterBlock.Format.yaml, .toml] {
        if case let .success(table) = FrontMatterParser.parse(text[...], format: format, firstLine: 2) {
            _ = PostMetadata.read(table)
        }
    }
    return 0
}
