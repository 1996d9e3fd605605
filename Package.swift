// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Handbook",
    platforms: [.macOS(.v15)],
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
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "HandbookKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
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
        .testTarget(
            name: "HandbookKitTests",
            dependencies: ["HandbookKit", "handbook", "CCmark"],
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
