// Linked into every fuzz target (fuzz/build.sh compiles this folder with each entry file).
#if canImport(Glibc)
import Glibc
#endif

/// Where a target makes its scratch folders: $TMPDIR (fuzz/run.sh points it into .build-fuzz, so that
/// the folders of inputs that crashed, which never reach their clean-up, go with the next run), else /tmp.
func scratchRoot() -> String {
    guard let folder = getenv("TMPDIR"), folder.pointee != 0 else { return "/tmp" }
    return String(cString: folder)
}
