// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Handbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
        .library(name: "HandbookKit", targets: ["HandbookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "HandbookKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HandbookKitTests",
            dependencies: ["HandbookKit", "handbook"],
            exclude: ["Fixtures"]
        ),
    ]
)
