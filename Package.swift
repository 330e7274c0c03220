// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Laurel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "laurel", targets: ["laurel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // Already built for postgres-nio; named to configure the PostgreSQL client's TLS (sslmode).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
    ],
    targets: [
        // Pure domain: no I/O, no dependencies of ours or anyone's.
        .target(name: "LaurelDomain", swiftSettings: swiftSettings),
        .target(
            name: "LaurelStore",
            dependencies: [
                "LaurelDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LaurelDocuments",
            dependencies: [
                "LaurelDomain",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LaurelServer",
            dependencies: [
                "LaurelDomain", "LaurelStore", "LaurelDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdRouter", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The benchmark and its synthetic data, out of the targets that serve: what production
        // links holds no generator. AsyncHTTPClient is its load generator (already built for
        // HummingbirdTesting).
        .target(
            name: "LaurelBench",
            dependencies: [
                "LaurelServer", "LaurelStore", "LaurelDomain", "LaurelDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Benchmarks",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "laurel",
            dependencies: [
                "LaurelServer", "LaurelStore", "LaurelDomain", "LaurelBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LaurelDomainTests", dependencies: ["LaurelDomain"], swiftSettings: swiftSettings),
        // Fresh databases for tests: SQLite always, PostgreSQL when LAUREL_TEST_POSTGRES_URL is set.
        // A library of its own because the store and the server tests both need it.
        .target(name: "LaurelTestSupport", dependencies: ["LaurelStore", "LaurelDomain"], swiftSettings: swiftSettings),
        .testTarget(name: "LaurelStoreTests", dependencies: ["LaurelStore", "LaurelTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LaurelBenchTests", dependencies: ["LaurelBench", "LaurelDomain"], swiftSettings: swiftSettings),
        .testTarget(name: "LaurelDocumentsTests", dependencies: ["LaurelDocuments", "LaurelTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LaurelServerTests",
            dependencies: [
                "LaurelServer", "LaurelTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
