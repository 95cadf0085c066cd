// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sluice",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sluice", targets: ["sluice"]),
        .library(name: "SluiceCore", targets: ["SluiceCore"]),
        .library(name: "SluiceStorage", targets: ["SluiceStorage"]),
        .library(name: "SluiceParquet", targets: ["SluiceParquet"]),
        .library(name: "SluiceSQL", targets: ["SluiceSQL"]),
        .library(name: "SluiceJobs", targets: ["SluiceJobs"]),
        .library(name: "SluiceCompute", targets: ["SluiceCompute"]),
        .library(name: "SluiceArrow", targets: ["SluiceArrow"]),
        .library(name: "SluiceSpark", targets: ["SluiceSpark"]),
        .library(name: "SluiceServing", targets: ["SluiceServing"]),
        .library(name: "SluiceAirflow", targets: ["SluiceAirflow"]),
        .library(name: "SluiceCQL", targets: ["SluiceCQL"]),
        .library(name: "CQLTestServer", targets: ["CQLTestServer"]),
        .executable(name: "cql-test-server", targets: ["cql-test-server"]),
        .executable(name: "cql-load", targets: ["cql-load"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // The columnar data model, logical dates and templating. No I/O.
        .target(name: "SluiceCore"),
        // ObjectStore and its drivers; the result-commit protocol.
        .target(
            name: "SluiceStorage",
            dependencies: [
                "SluiceCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        // The compression libraries Debian ships (scripts/install-deps installs them).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
        // Decompression the parquet and Arrow readers share: LZ4 frames.
        .target(name: "SluiceCompression", dependencies: ["CLZ4"]),
        // Parquet: Thrift compact protocol, file metadata, encodings, codecs.
        .target(
            name: "SluiceParquet",
            dependencies: ["SluiceCore", "SluiceStorage", "SluiceCompression", "CZlib", "CZstd", "CLZ4", "CBrotli"]
        ),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Vectorized kernels over columnar arrays with Spark 4 ANSI semantics: no SQL, no plans.
        .target(name: "SluiceCompute", dependencies: ["SluiceCore"]),
        .target(name: "SluiceArrow", dependencies: ["SluiceCore", "SluiceCompression", "CZstd"]),
        .target(
            name: "SluiceSpark",
            dependencies: [
                "SluiceCore", "SluiceArrow", .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Protos"]),
        // The local Spark SQL engine: parser, binder, logical plan and vectorized operators.
        .target(name: "SluiceSQL", dependencies: ["SluiceCore", "SluiceCompute", "SluiceParquet", "SluiceStorage"]),
        // The blue/green switch over a ServingStore (pointer, load, validate, flip, rollback), the
        // readers with a cached pointer, the SQLite store and the ScyllaDB store (on SluiceCQL).
        .target(
            name: "SluiceServing",
            dependencies: [
                "SluiceCore", "SluiceStorage", "SluiceParquet", "CSQLite", "SluiceCQL",
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Projects, jobs, task kinds, the connection registry, the runner.
        .target(
            name: "SluiceJobs",
            dependencies: [
                "SluiceCore",
                "SluiceStorage",
                "SluiceParquet",
                "SluiceSQL",
                "SluiceServing",
                "SluiceCQL",
                "SluiceSpark",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // A CQL native protocol v4 driver (ScyllaDB, Cassandra); knows nothing about Sluice.
        .target(
            name: "SluiceCQL",
            dependencies: [
                "CLZ4", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // An in-memory CQL v4 server that tests talk to in place of ScyllaDB; product code never uses it.
        .target(
            name: "CQLTestServer",
            dependencies: [
                "SluiceCQL", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        .executableTarget(
            name: "cql-test-server",
            dependencies: [
                "CQLTestServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // The bulk-load client Benchmarks/cql times against the Python driver and acsylla.
        .executableTarget(
            name: "cql-load",
            dependencies: ["SluiceCQL", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Airflow DAG files generated from the jobs, and their check against an installed Airflow.
        .target(name: "SluiceAirflow", dependencies: ["SluiceCore", "SluiceJobs"]),
        // The HTTP lookup service over serving readers: routes, bearer-token check, metrics.
        .target(
            name: "SluiceHTTP",
            dependencies: [
                "SluiceCore", "SluiceServing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command-line interface: commands only, logic lives in the libraries.
        .executableTarget(
            name: "sluice",
            dependencies: [
                "SluiceJobs",
                "SluiceAirflow",
                "SluiceParquet",
                "SluiceSQL",
                "SluiceServing",
                "SluiceHTTP",
                "SluiceSpark",
                "SluiceArrow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers the test targets share (child processes run with a time limit); not part of any product.
        .target(name: "SluiceTestSupport", path: "Tests/SluiceTestSupport"),
        .testTarget(name: "SluiceCoreTests", dependencies: ["SluiceCore"]),
        // Fixtures/sigv4 holds the AWS SigV4 test vectors (Apache-2.0, LICENSE and NOTICE kept).
        // Scripts/ holds the fault-injecting proxy, the fake metadata endpoints and the botocore
        // signing-case generator the S3 tests use; Fixtures/ the signing vectors.
        .testTarget(
            name: "SluiceStorageTests",
            dependencies: [
                "SluiceStorage", "SluiceTestSupport", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["Fixtures", "Scripts"]),
        // Oracles/ holds the Python scripts that print what pyarrow reads, for comparison.
        .testTarget(
            name: "SluiceParquetTests", dependencies: ["SluiceParquet", "SluiceTestSupport"], exclude: ["Oracles"]),
        .testTarget(
            name: "SluiceSQLTests",
            dependencies: [
                "SluiceSQL", "SluiceCompute", "SluiceParquet", "SluiceStorage", "SluiceTestSupport", "SluiceSpark",
            ],
            // Oracle/ holds the SQL oracle corpus: generated data, queries, and the DuckDB runner.
            exclude: ["Oracle"]),
        .testTarget(
            name: "SluiceCQLTests",
            dependencies: [
                "SluiceCQL", "CQLTestServer", "SluiceTestSupport", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            // Oracles/ holds the Python scripts; Fixtures/ what the DataStax driver printed.
            exclude: ["Oracles", "Fixtures"]),
        .testTarget(name: "SluiceAirflowTests", dependencies: ["SluiceAirflow", "SluiceJobs", "SluiceTestSupport"]),
        .testTarget(
            name: "SluiceJobsTests",
            dependencies: ["SluiceJobs", "SluiceSQL", "SluiceServing", "SluiceCQL", "SluiceSpark"]),
        .testTarget(name: "SluiceComputeTests", dependencies: ["SluiceCompute", "SluiceTestSupport"]),
        // Scripts/ holds the connection-cutting proxy the reattach test runs.
        .testTarget(
            name: "SluiceSparkTests", dependencies: ["SluiceSpark", "SluiceArrow", "SluiceCore", "SluiceTestSupport"],
            exclude: ["Scripts"]),
        .testTarget(name: "SluiceCompressionTests", dependencies: ["SluiceCompression", "CLZ4"]),
        .testTarget(
            name: "SluiceArrowTests",
            dependencies: ["SluiceArrow", "SluiceCompute", "SluiceParquet", "SluiceStorage", "SluiceTestSupport"],
            exclude: ["Oracles"]),
        .testTarget(
            name: "SluiceServingTests",
            dependencies: [
                "SluiceServing", "SluiceParquet", "SluiceStorage", "CQLTestServer", "SluiceCQL", "SluiceTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Runs the built `sluice` binary: exit codes and the text users see.
        .testTarget(
            name: "SluiceCLITests", dependencies: ["sluice", "SluiceTestSupport", "CQLTestServer", "SluiceCQL"]),
    ],
    swiftLanguageModes: [.v6]
)
