import AsyncHTTPClient
import Foundation
import Testing

@testable import SluiceStorage

/// An S3 server that `scripts/test` started (SeaweedFS, and rclone as a second implementation),
/// found through the environment variables `scripts/s3-servers` writes. Tests that need one skip
/// with a message when it is absent (`swift test` run by hand).
struct S3TestServer: Sendable, CustomStringConvertible {
    var name: String
    var endpoint: String
    var accessKey: String
    var secretKey: String

    var description: String { name }

    static let seaweedFS = S3TestServer.fromEnvironment(name: "SeaweedFS", variablePrefix: "SLUICE_TEST_S3")
    static let rclone = S3TestServer.fromEnvironment(name: "rclone", variablePrefix: "SLUICE_TEST_RCLONE")
    /// Every server that is running, for tests that every implementation must pass.
    static let all = [seaweedFS, rclone].compactMap { $0 }
    static let skipMessage = "no S3 test server: scripts/test starts SeaweedFS and rclone (scripts/s3-servers)"

    static func fromEnvironment(name: String, variablePrefix: String) -> S3TestServer? {
        let env = ProcessInfo.processInfo.environment
        guard let endpoint = env["\(variablePrefix)_ENDPOINT"], let access = env["\(variablePrefix)_ACCESS_KEY"],
            let secret = env["\(variablePrefix)_SECRET_KEY"]
        else { return nil }
        return S3TestServer(name: name, endpoint: endpoint, accessKey: access, secretKey: secret)
    }

    var credentials: AWSCredentials { AWSCredentials(accessKeyID: accessKey, secretAccessKey: secretKey) }

    func client(
        endpoint: String? = nil, credentials: AWSCredentials? = nil, retryPolicy: S3RetryPolicy = .standard
    ) throws -> S3Client {
        S3Client(
            endpoint: try S3Endpoint(url: endpoint ?? self.endpoint), region: "us-east-1",
            credentials: StaticCredentialProvider(credentials ?? self.credentials), retryPolicy: retryPolicy,
            httpClient: S3Client.makeHTTPClient())
    }

    /// The bucket every test shares, each under a prefix of its own: SeaweedFS gives each bucket
    /// volumes of its own, so a bucket per test would exhaust them.
    static let bucket = "sluice-tests"

    /// A store over a new, empty prefix of the shared bucket (created if missing).
    func makeStore(prefix: String = "", partSize: Int = S3ObjectStore.minimumPartSize) async throws -> S3ObjectStore {
        let client = try client()
        do {
            try await client.createBucket(Self.bucket)
        } catch let failure as S3RequestFailure where failure.status == 409 {
            // BucketAlreadyOwnedByYou (SeaweedFS) or BucketAlreadyExists (rclone): ours already.
        }
        let unique = "t-" + UUID().uuidString.lowercased() + "/"
        return try S3ObjectStore(client: client, bucket: Self.bucket, prefix: unique + prefix, partSize: partSize)
    }
}

/// Runs `body` with a store, and shuts the store's client down afterwards whatever happens.
@discardableResult
func withS3Store<T>(
    on server: S3TestServer, prefix: String = "", partSize: Int = S3ObjectStore.minimumPartSize,
    _ body: (S3ObjectStore) async throws -> T
) async throws -> T {
    let store = try await server.makeStore(prefix: prefix, partSize: partSize)
    return try await store.closing { try await body(store) }
}

/// Bytes that differ at every offset, so a misplaced range shows.
func patternedBytes(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
    }
}
