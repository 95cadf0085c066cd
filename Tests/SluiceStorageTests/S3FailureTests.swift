import Foundation
import Testing

@testable import SluiceStorage

/// Refusals name the bucket, key, status and S3 code and never the secret; failures that may pass
/// are retried (through a proxy that injects 503s and connection resets), and requests that are
/// not idempotent are not repeated blindly.
@Suite(
    "S3 errors and retries", .enabled(if: S3TestServer.seaweedFS != nil, Comment(rawValue: S3TestServer.skipMessage)),
    .timeLimit(.minutes(10)))
struct S3FailureTests {
    let server = S3TestServer.seaweedFS ?? S3TestServer(name: "", endpoint: "", accessKey: "", secretKey: "")

    @Test("a wrong secret key is 403 SignatureDoesNotMatch, with the secret nowhere in the message")
    func wrongSecret() async throws {
        try await withS3Store(on: server) { store in
            let secret = "wrong-secret-\(UUID().uuidString)"
            let client = try server.client(
                credentials: AWSCredentials(accessKeyID: server.accessKey, secretAccessKey: secret))
            let bad = try S3ObjectStore(client: client, bucket: store.bucket, prefix: store.prefix)
            defer { Task { try? await client.shutdown() } }
            let failure = try await #require(throws: S3RequestFailure.self) { try await bad.get("k") }
            #expect(failure.status == 403)
            #expect(failure.code == "SignatureDoesNotMatch")
            #expect(failure.attempts == 1, "a refusal is not retried")
            #expect(failure.description.contains("s3://\(store.bucket)"))
            #expect(failure.description.contains("\"\(store.prefix)k\""))
            #expect(!failure.description.contains(secret))
            #expect(!String(reflecting: failure).contains(secret))
        }
    }

    @Test("an unknown access key is 403 InvalidAccessKeyId")
    func unknownAccessKey() async throws {
        try await withS3Store(on: server) { store in
            let client = try server.client(
                credentials: AWSCredentials(accessKeyID: "AKIDNOBODYKNOWS", secretAccessKey: "x"))
            defer { Task { try? await client.shutdown() } }
            let bad = try S3ObjectStore(client: client, bucket: store.bucket, prefix: store.prefix)
            let failure = try await #require(throws: S3RequestFailure.self) {
                try await bad.listPage(prefix: "", delimiter: nil, continuationToken: nil)
            }
            #expect(failure.status == 403)
            #expect(failure.code == "InvalidAccessKeyId")
        }
    }

    @Test("a missing bucket is NoSuchBucket, naming the bucket")
    func missingBucket() async throws {
        let client = try server.client()
        defer { Task { try? await client.shutdown() } }
        let store = try S3ObjectStore(client: client, bucket: "no-such-bucket-\(UInt32.random(in: 0...UInt32.max))")
        let failure = try await #require(throws: S3RequestFailure.self) {
            try await store.listPage(prefix: "x/", delimiter: nil, continuationToken: nil)
        }
        #expect(failure.status == 404)
        #expect(failure.code == "NoSuchBucket")
        #expect(failure.description.contains(store.bucket))
    }

    @Test("injected 503 SlowDown answers are retried until the request succeeds")
    func retriesServiceUnavailable() async throws {
        try await withS3Store(on: server) { store in
            try await store.put("k.bin", bytes: patternedBytes(100_000))
            let proxy = try await FaultProxy.start(
                upstream: server.endpoint, ["--fail-status", "503", "--fail-count", "3"])
            defer { proxy.stop() }
            let client = try server.client(endpoint: proxy.endpoint, retryPolicy: Self.fastRetries)
            defer { Task { try? await client.shutdown() } }
            let viaProxy = try S3ObjectStore(client: client, bucket: store.bucket, prefix: store.prefix)
            #expect(try await viaProxy.get("k.bin") == patternedBytes(100_000))
            #expect(try proxy.requests().count == 4)
        }
    }

    @Test("connection resets on idempotent requests are retried")
    func retriesResets() async throws {
        try await withS3Store(on: server) { store in
            try await store.put("k.bin", bytes: patternedBytes(5000))
            let proxy = try await FaultProxy.start(upstream: server.endpoint, ["--reset-count", "2"])
            defer { proxy.stop() }
            let client = try server.client(endpoint: proxy.endpoint, retryPolicy: Self.fastRetries)
            defer { Task { try? await client.shutdown() } }
            let viaProxy = try S3ObjectStore(client: client, bucket: store.bucket, prefix: store.prefix)
            #expect(try await viaProxy.get("k.bin", range: 10..<20) == Array(patternedBytes(5000)[10..<20]))
            #expect(try proxy.requests().count == 3)
        }
    }

    @Test("a reset CreateMultipartUpload (not idempotent) is not repeated, and the write fails clearly")
    func noBlindRetryOfNonIdempotent() async throws {
        try await withS3Store(on: server) { store in
            let proxy = try await FaultProxy.start(
                upstream: server.endpoint, ["--reset-count", "5", "--match-method", "POST"])
            defer { proxy.stop() }
            let client = try server.client(endpoint: proxy.endpoint, retryPolicy: Self.fastRetries)
            defer { Task { try? await client.shutdown() } }
            let viaProxy = try S3ObjectStore(
                client: client, bucket: store.bucket, prefix: store.prefix, partSize: S3ObjectStore.minimumPartSize)
            let writer = try await viaProxy.makeWriter(for: "mp.bin")
            let failure = try await #require(throws: S3RequestFailure.self) {
                try await writer.write(patternedBytes(S3ObjectStore.minimumPartSize + 1))
                try await writer.commit()
            }
            #expect(failure.operation == "CreateMultipartUpload")
            #expect(failure.status == nil)
            #expect(failure.attempts == 1)
            #expect(try proxy.requests().filter { $0.method == "POST" }.count == 1)
            #expect(try await store.head("mp.bin") == nil)
        }
    }

    @Test("a 500 persisting past the attempts fails with the count of attempts")
    func givesUp() async throws {
        try await withS3Store(on: server) { store in
            let proxy = try await FaultProxy.start(
                upstream: server.endpoint, ["--fail-status", "500", "--fail-count", "100"])
            defer { proxy.stop() }
            let client = try server.client(endpoint: proxy.endpoint, retryPolicy: Self.fastRetries)
            defer { Task { try? await client.shutdown() } }
            let viaProxy = try S3ObjectStore(client: client, bucket: store.bucket, prefix: store.prefix)
            let failure = try await #require(throws: S3RequestFailure.self) { try await viaProxy.get("k") }
            #expect(failure.status == 500)
            #expect(failure.code == "InternalError")
            #expect(failure.attempts == Self.fastRetries.maxAttempts)
        }
    }

    static let fastRetries = S3RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxDelay: .milliseconds(50))
}
