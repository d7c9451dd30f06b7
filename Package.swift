// swift-tools-version:6.0
// byline: a terminal blog reader. Layout and reasons: ../shared/STYLE.md and README.md.
// Linux only: built and tested on Debian 12 alone; it calls glibc, reads /proc, and links Debian's
// ncursesw and cmark-gfm. No Apple platform is claimed, so none is listed under `platforms` (macOS 13
// was listed, though nothing built or tested it there).
import PackageDescription

let package = Package(
    name: "byline",
    products: [
        .executable(name: "byline", targets: ["byline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // SQLite with FTS5 (Debian's libsqlite3-dev) for the persistent index of large blogs.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 for an SSH visitor's key fingerprint (the string `ssh-keygen -lf` prints).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries from Debian, reached through module maps (no pkg-config: SwiftPM drops its -D flags).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // libxml2's HTML parser, for raw HTML in posts. Its headers are in /usr/include/libxml2, which only
        // pkg-config knows (libxml-2.0 has no -D flags for SwiftPM to drop).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // libyaml's event stream, from which BylineCore builds YAML front matter in one pass. libyaml is
        // Yams' CYaml target, reached through the Yams product (no Swift code here imports Yams itself).
        .target(name: "BylineYAMLEvents", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The pure core: posts, store, state, reducer, view. No C imports.
        .target(
            name: "BylineCore",
            dependencies: [
                "BylineYAMLEvents",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // cmark-gfm's tree (and libxml2's, for raw HTML) to width-independent styled blocks.
        .target(name: "BylineMarkdown", dependencies: ["BylineCore", "CCmarkGFM", "CLibXML2"]),
        // The persistent cache: posts and a full-text index in SQLite, so a large blog starts from it.
        .target(name: "BylineIndex", dependencies: ["BylineCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The reading state kept per blog (read, saved, positions, last visit) in SQLite, beside the cache.
        .target(name: "BylineState", dependencies: ["BylineCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The reader's runtime: one inbox, effects performed off the input thread, a terminal backend
        // protocol with an in-memory backend. No ncurses: its tests run the whole reader in-process.
        .target(name: "BylineRuntime", dependencies: ["BylineCore", "BylineMarkdown", "BylineIndex", "BylineState"]),
        // An SSH visitor without an account: the key sshd saw (`$SSH_USER_AUTH`), its fingerprint, the
        // `AuthorizedKeysCommand` answer, and the bounds on visitors' state folders. No terminal, no core.
        .target(name: "BylineVisitor", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The only code that talks to ncurses.
        .target(name: "BylineTerminal", dependencies: ["BylineCore", "CNcursesw"]),
        .executableTarget(
            name: "byline",
            dependencies: [
                "BylineCore", "BylineMarkdown", "BylineTerminal", "BylineIndex", "BylineState", "BylineRuntime", "BylineVisitor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Golden files and screen dumps shared by the test targets.
        .target(name: "BylineTestSupport", dependencies: ["BylineCore"], path: "Tests/BylineTestSupport"),
        // Store tests use the real cmark-gfm inspector; fixtures are read from the source tree.
        // Yams composes YAML in the tests only: the oracle the front matter reader is held to.
        .testTarget(name: "BylineCoreTests", dependencies: ["BylineCore", "BylineMarkdown", "BylineTestSupport",
                                                            .product(name: "Yams", package: "Yams")],
                    exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "BylineMarkdownTests", dependencies: ["BylineMarkdown", "BylineCore", "BylineTestSupport"],
                    exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "BylineIndexTests", dependencies: ["BylineIndex", "BylineCore", "BylineMarkdown", "BylineTestSupport"]),
        .testTarget(name: "BylineStateTests", dependencies: ["BylineState", "BylineCore", "BylineTestSupport"]),
        .testTarget(name: "BylineTerminalTests", dependencies: ["BylineTerminal", "BylineCore", "CNcursesw"]),
        // Keys, fingerprints (against ssh-keygen) and the visitor folders' bounds, on temp folders.
        .testTarget(name: "BylineVisitorTests", dependencies: ["BylineVisitor", "BylineTestSupport"]),
        // The whole reader (runtime, effects, reducer, view) in-process against the in-memory backend.
        .testTarget(name: "BylineRuntimeTests", dependencies: ["BylineRuntime", "BylineCore", "BylineMarkdown", "BylineTestSupport"]),
        // Runs the built `byline` binary, as scripts and the end-to-end tests do. The layers below are
        // tested in their own targets (Tests/README.md); only the core and markdown are reached here.
        .testTarget(name: "bylineTests", dependencies: ["byline", "BylineCore", "BylineMarkdown", "BylineTestSupport"]),
    ]
)
