import AsyncHTTPClient
import Foundation
import SluiceStorage
import Testing

/// The ECS container endpoint and EC2 instance metadata (IMDSv2) against
/// `Scripts/fake_aws_metadata.py`, a real HTTP server in a child process.
@Suite("AWS credentials from the ECS and EC2 metadata endpoints", .timeLimit(.minutes(10)))
struct AWSMetadataCredentialTests {
    static let authorization = "ecs-authorization-token-7f3a"
    /// A home folder with no shared files, so only the variables matter.
    static let noHome = URL(fileURLWithPath: "/nonexistent/sluice-aws-home")

    /// A chain over the fake: the ECS endpoint when `container` is set, EC2 metadata when
    /// `instanceMetadata` is set, both with the token the fake requires.
    static func chain(
        _ server: FakeAWSMetadataServer, container: Bool, instanceMetadata: Bool, extra: [String: String] = [:]
    ) throws -> AWSCredentialChain {
        var variables = extra
        if container {
            variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.containerURI
            if variables["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] == nil
                && variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] == nil
            {
                variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = authorization
            }
        }
        if instanceMetadata {
            variables["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.baseURL + "/"
        } else {
            variables["AWS_EC2_METADATA_DISABLED"] = "true"
        }
        var environment = AWSEnvironment(variables: variables, homeDirectory: noHome)
        // The fake is a Python process on a machine busy with every other test: the product's
        // 1 s and 2 s limits failed in CI with the fake still answering.
        environment.containerTimeout = .seconds(10)
        environment.instanceMetadataTimeout = .seconds(10)
        return try environment.credentialProvider(profile: nil, httpClient: metadataTestHTTPClient)
    }

    @Test("ECS: credentials with the authorization token, cached until the refresh point, then new ones")
    func containerCredentials() async throws {
        let server = try await FakeAWSMetadataServer.start(lifetime: 3600, containerToken: Self.authorization)
        defer { server.stop() }
        let chain = try Self.chain(server, container: true, instanceMetadata: false)
        let first = try await chain.credentials()
        #expect(first.accessKeyID.hasPrefix("ASIAFAKE"))
        #expect(first.sessionToken?.hasPrefix("fake-session-token-") == true)
        let expiration = try #require(first.expiration)
        #expect(expiration > Date() && expiration < Date() + 3700)
        #expect(await chain.chosenSource == "ECS container endpoint")
        #expect(try await chain.credentials() == first)
        #expect(try await server.counts()["ecs"] == 1)
        #expect(try await server.counts()["rejected"] == 0)

        // Credentials already at their refresh point (no lifetime left) are fetched again on the
        // next call. Lifetimes are not timed with sleeps: tests running at once can stall this
        // one for seconds.
        let expiring = try await FakeAWSMetadataServer.start(lifetime: 0, containerToken: Self.authorization)
        defer { expiring.stop() }
        let refreshing = try Self.chain(expiring, container: true, instanceMetadata: false)
        let old = try await refreshing.credentials()
        #expect(try await refreshing.credentials().accessKeyID != old.accessKeyID)
        #expect(try await expiring.counts()["ecs"] == 2)
    }

    @Test("ECS: the token file is read and sent; a wrong token is refused and not quoted")
    func containerTokenFile() async throws {
        let server = try await FakeAWSMetadataServer.start(containerToken: Self.authorization)
        defer { server.stop() }
        try await withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("token")
            try Data((Self.authorization + "\n").utf8).write(to: file)
            let chain = try Self.chain(
                server, container: true, instanceMetadata: false,
                extra: ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": file.path])
            #expect(try await chain.credentials().accessKeyID.hasPrefix("ASIAFAKE"))

            let wrong = try Self.chain(
                server, container: true, instanceMetadata: false,
                extra: ["AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong-token-99d1"])
            let error = try await #require(throws: AWSCredentialError.self) { try await wrong.credentials() }
            #expect(
                error.description.contains("ECS container endpoint (\(server.containerURI): GET answered HTTP 401)"))
            #expect(!error.description.contains("wrong-token-99d1"))
            #expect(try await server.counts()["rejected"] == 1)
        }
    }

    @Test("concurrent first callers share one fetch")
    func concurrentCallers() async throws {
        let server = try await FakeAWSMetadataServer.start(lifetime: 60, containerToken: Self.authorization)
        defer { server.stop() }
        let chain = try Self.chain(server, container: true, instanceMetadata: true)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await chain.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys.count == 1)
        let counts = try await server.counts()
        #expect(counts["ecs"] == 1)
        #expect(counts["imds_token"] == 0)
    }

    @Test("IMDSv2: token, role, credentials; refreshed when they near expiry")
    func instanceMetadata() async throws {
        let server = try await FakeAWSMetadataServer.start(lifetime: 3600)
        defer { server.stop() }
        // The fake refuses metadata without a session token, as IMDSv2 does.
        #expect(try await server.status("GET", "/latest/meta-data/iam/security-credentials/") == 401)
        let chain = try Self.chain(server, container: false, instanceMetadata: true)
        let first = try await chain.credentials()
        #expect(first.accessKeyID.hasPrefix("ASIAFAKE") && first.expiration != nil)
        #expect(await chain.chosenSource == "EC2 instance metadata")
        #expect(try await chain.credentials() == first)
        #expect(
            try await server.counts() == [
                "imds_token": 1, "imds_role": 1, "imds_credentials": 1, "ecs": 0, "rejected": 1,
            ])

        // At the refresh point the whole IMDSv2 exchange runs again (see containerCredentials).
        let expiring = try await FakeAWSMetadataServer.start(lifetime: 0)
        defer { expiring.stop() }
        let refreshing = try Self.chain(expiring, container: false, instanceMetadata: true)
        let old = try await refreshing.credentials()
        #expect(try await refreshing.credentials().accessKeyID != old.accessKeyID)
        #expect(
            try await expiring.counts() == [
                "imds_token": 2, "imds_role": 2, "imds_credentials": 2, "ecs": 0, "rejected": 0,
            ])
    }

    @Test("once ECS has given credentials the chain sticks to it, even when it later fails")
    func sticksToChosenSource() async throws {
        let server = try await FakeAWSMetadataServer.start(lifetime: 2, containerToken: Self.authorization)
        defer { server.stop() }
        let chain = try Self.chain(server, container: true, instanceMetadata: true)
        _ = try await chain.credentials()
        try await server.setMode("ecs", "fail")
        try await Task.sleep(for: .milliseconds(2200))
        let error = try await #require(throws: AWSCredentialError.self) { try await chain.credentials() }
        #expect(
            error
                == .endpointFailed(
                    source: "ECS container endpoint", endpoint: server.containerURI, reason: "GET answered HTTP 500"))
        #expect(try await server.counts()["imds_credentials"] == 0)
    }

    @Test("bad answers are described without quoting their bodies", arguments: ["garbage", "fail"])
    func badAnswers(mode: String) async throws {
        let server = try await FakeAWSMetadataServer.start(containerToken: Self.authorization)
        defer { server.stop() }
        try await server.setMode("ecs", mode)
        try await server.setMode("imds", mode)
        let error = try await #require(throws: AWSCredentialError.self) {
            try await Self.chain(server, container: true, instanceMetadata: true).credentials()
        }
        let reason = mode == "fail" ? "GET answered HTTP 500" : "the answer lacks AccessKeyId or SecretAccessKey"
        #expect(error.description.contains("ECS container endpoint (\(server.containerURI): \(reason))"))
        #expect(
            error.description.contains(
                "EC2 instance metadata (\(server.baseURL)/latest/meta-data/iam/security-credentials/sluice-test-role: \(reason))"
            ))
        for secret in ["LEAKED-SECRET-IN-BODY", Self.authorization, "imds-token-"] {
            #expect(!error.description.contains(secret))
        }
    }

    @Test("an endpoint that does not answer gives up after the timeout")
    func hangingEndpoint() async throws {
        let server = try await FakeAWSMetadataServer.start()
        defer { server.stop() }
        try await server.setMode("imds", "hang")
        let chain = try Self.chain(server, container: false, instanceMetadata: true)
        let error = try await #require(throws: AWSCredentialError.self) { try await chain.credentials() }
        // The request's own deadline (10 s here) ended it (the fake answers after 60 s). The reason is
        // checked, not the wall clock: AsyncHTTPClient acts on a deadline through a task, which
        // waits while other tests hold the runner's few threads.
        #expect(error.description.contains("deadlineExceeded"), "\(error)")
        #expect(error.description.contains("EC2 instance metadata ("))
    }

    @Test("nothing listening at the metadata address is reported, not waited on")
    func nothingListening() async throws {
        let chain = try AWSEnvironment(
            variables: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9"], homeDirectory: Self.noHome
        ).credentialProvider(profile: nil, httpClient: metadataTestHTTPClient)
        let error = try await #require(throws: AWSCredentialError.self) { try await chain.credentials() }
        // Refused at once, not reconnected until a deadline (which would report deadlineExceeded).
        #expect(error.description.contains("Connection refused"), "\(error)")
        #expect(error.description.contains("EC2 instance metadata (http://127.0.0.1:9/latest/api/token: PUT failed"))
    }
}

/// The HTTP client settings the S3 store gives the credential chain, shared by these tests
/// (process-wide, never shut down).
let metadataTestHTTPClient = S3Client.makeHTTPClient()
