// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiBuild", targets: ["GongkaiBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libxml2's HTML parser (Debian's libxml2-dev) reads saved portal pages: tag soup, unclosed <p>, GB2312 meta.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "GongkaiCore"]),
        .target(name: "CByteSearch"),
        .target(name: "GongkaiCore", dependencies: ["CByteSearch"]),
        // Checks every YAML text for aliases before Yams composes it (issue #31: alias bombs).
        .target(name: "GongkaiYAML", dependencies: ["GongkaiCore", .product(name: "Yams", package: "Yams")]),
        // The offline search index (public/search/): documents in, script files out; it knows no site model.
        .target(name: "GongkaiSearch", dependencies: ["GongkaiCore"]),
        .target(
            name: "GongkaiBuild",
            dependencies: [
                "CByteSearch", "GongkaiCore", "GongkaiIndicators", "GongkaiSearch", "GongkaiYAML", "Markdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "GongkaiIndicators", dependencies: ["GongkaiCore", "GongkaiYAML", .product(name: "Yams", package: "Yams")]),
        .target(name: "GongkaiImport", dependencies: [
            "GongkaiCore", "GongkaiIndicators", "GongkaiYAML", "Markdown", "CLibXML2",
            .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(
            name: "GongkaiServe",
            dependencies: [
                "GongkaiBuild", "GongkaiCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiCore", "GongkaiBuild", "GongkaiImport", "GongkaiIndicators", "GongkaiServe", "Markdown",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc) replaces the C library's malloc for the whole process: builds allocate
            // millions of small strings, arrays and dictionaries, and spend about 8 % less time with it (Benchmarks/).
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GongkaiBuildTests", dependencies: ["GongkaiBuild", "GongkaiCore", "GongkaiImport", "GongkaiIndicators", "GongkaiSearch", "Markdown"]),
        .testTarget(name: "GongkaiSearchTests", dependencies: ["GongkaiSearch", "GongkaiCore"]),
        .testTarget(name: "GongkaiIndicatorsTests", dependencies: ["GongkaiIndicators", "GongkaiCore", "GongkaiYAML"], exclude: ["Fixtures"]),
        .testTarget(name: "GongkaiImportTests", dependencies: [
            "GongkaiImport", "GongkaiCore", "Markdown", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "GongkaiServeTests", dependencies: ["GongkaiServe", "GongkaiBuild", "GongkaiCore"]),
        .testTarget(name: "GongkaiCLITests", dependencies: ["GongkaiCore", "gongkai", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)
