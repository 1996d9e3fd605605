// swift-tools-version:6.0
import PackageDescription

// The targets are the architecture: each depends only on those above it in this file, so a
// backward reference is a compile error. Lower layers know nothing of handbooks:
//
//   HandbookCore   diagnostics, source text, FileSystem, site paths, byte helpers
//   Markdown       libcmark: parse, arena, node rewriting, the HTML writer, heading ids, tables
//   Mustache       the template engine
//   Prose          words: readability counts and the search-word stream, in one pass
//                  (its syllable table is data in CSyllables)
//   Search         the offline search index
//   Loading → Rendering → Linking → Checking
//                                 ↘ Templating → Writing      (the stages, forward only)
//   HandbookKit    Build and incremental builds: runs the stages
//   HandbookServer the preview server
//   handbook       the command line
let releaseOptimizations: [SwiftSetting] = [
    // Byte helpers (ByteLanes, HTMLEscaping) are called from other modules in hot loops.
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

func library(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, swiftSettings: releaseOptimizations)
}

let package = Package(
    name: "Handbook",
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
        .library(name: "HandbookKit", targets: ["HandbookKit"]),
        .library(name: "HandbookServer", targets: ["HandbookServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),

        library("HandbookCore", []),
        // cmark's trees in bump arenas: C, since cmark's allocator takes no context.
        .target(name: "CCmarkArena", dependencies: ["CCmark"]),
        library("Markdown", ["HandbookCore", "CCmark", "CCmarkArena"]),
        library("Mustache", ["HandbookCore"]),
        // The syllable exception table: generated data (scripts/syllable-exceptions.py), kept in
        // C so that 50,000 words cost neither start-up time nor Swift compile time.
        .target(name: "CSyllables"),
        library("Prose", ["HandbookCore", "CSyllables"]),
        library("Search", ["Prose", "Mustache"]),

        library("Loading", ["HandbookCore", "Prose", .product(name: "Yams", package: "Yams")]),
        library("Rendering", ["Loading", "Markdown", "Mustache", "Search", "CCmark"]),
        library("Linking", ["Rendering"]),
        library("Checking", ["Linking"]),
        library("Templating", ["Linking"]),
        library("Writing", ["Templating"]),
        library("HandbookKit", ["Checking", "Writing"]),

        .target(
            name: "HandbookServer",
            dependencies: [
                "HandbookKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookKit",
                "HandbookServer",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HandbookCoreTests", dependencies: ["HandbookCore"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "HandbookCore"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmark"]),
        .testTarget(name: "ProseTests", dependencies: ["Prose", "CSyllables", "HandbookCore"]),
        .testTarget(
            name: "HandbookKitTests",
            dependencies: ["HandbookKit", "Markdown", "Mustache", "Prose", "Search", "handbook", "CCmark"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HandbookServerTests",
            dependencies: [
                "HandbookServer",
                "HandbookKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
