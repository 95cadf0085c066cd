import AsyncHTTPClient
import Foundation
import SluiceStorage
import Testing

/// Runs `body` with a fresh home folder whose `.aws/credentials` and `.aws/config` hold the texts
/// given (a nil text leaves that file out).
func withAWSHome(credentials: String? = nil, config: String? = nil, _ body: (URL) async throws -> Void)
    async throws
{
    try await withTemporaryDirectory { home in
        let folder = home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let credentials { try Data(credentials.utf8).write(to: folder.appendingPathComponent("credentials")) }
        if let config { try Data(config.utf8).write(to: folder.appendingPathComponent("config")) }
        try await body(home)
    }
}

@Suite("AWS settings and credentials from the environment and the shared files")
struct AWSEnvironmentTests {
    /// Variables that keep the chain off the network: no ECS, no EC2 metadata.
    static let offline = ["AWS_EC2_METADATA_DISABLED": "true"]

    static let twoFiles = (
        credentials: """
        [dev]
        aws_access_key_id = AKIACREDFILE
        aws_secret_access_key = cred-file-secret
        region = eu-central-1
        """,
        config: """
        [profile dev]
        region = us-west-2
        endpoint_url = http://config.example
        aws_access_key_id = AKIACONFIG
        aws_secret_access_key = config-secret
        aws_session_token = config-token
        [default]
        region = ap-southeast-2
        """
    )

    @Test("the credentials file wins over the config file for the same profile, keys taken as a group")
    func credentialsFileWins() async throws {
        try await withAWSHome(credentials: Self.twoFiles.credentials, config: Self.twoFiles.config) { home in
            let environment = AWSEnvironment(variables: Self.offline, homeDirectory: home)
            #expect(try environment.region(explicit: nil, profile: "dev") == "eu-central-1")
            #expect(try environment.endpoint(explicit: nil, profile: "dev") == "http://config.example")
            let chain = try environment.credentialProvider(profile: "dev", httpClient: .shared)
            let credentials = try await chain.credentials()
            #expect(credentials.accessKeyID == "AKIACREDFILE")
            #expect(credentials.secretAccessKey == "cred-file-secret")
            // The config file's token belongs to the config file's key, not this one.
            #expect(credentials.sessionToken == nil)
            #expect(await chain.chosenSource?.hasPrefix("profile \"dev\"") == true)
        }
    }

    @Test("the profile comes from the argument, else AWS_PROFILE, else default")
    func profileChoice() async throws {
        try await withAWSHome(credentials: Self.twoFiles.credentials, config: Self.twoFiles.config) { home throws in
            let plain = AWSEnvironment(variables: [:], homeDirectory: home)
            let withVariable = AWSEnvironment(variables: ["AWS_PROFILE": "dev"], homeDirectory: home)
            #expect(try plain.region(explicit: nil, profile: nil) == "ap-southeast-2")
            #expect(try withVariable.region(explicit: nil, profile: nil) == "eu-central-1")
            #expect(try withVariable.region(explicit: nil, profile: "default") == "ap-southeast-2")
        }
    }

    @Test("a named profile that is missing is an error naming it and both files; a missing default is not")
    func missingProfile() async throws {
        try await withAWSHome(credentials: Self.twoFiles.credentials) { home throws in
            let files = [
                home.appendingPathComponent(".aws/credentials").path, home.appendingPathComponent(".aws/config").path,
            ]
            let expected = AWSCredentialError.profileNotFound(profile: "nope", files: files)
            let plain = AWSEnvironment(variables: Self.offline, homeDirectory: home)
            #expect(throws: expected) { try plain.region(explicit: nil, profile: "nope") }
            #expect(throws: expected) { try plain.endpoint(explicit: "http://x", profile: "nope") }
            #expect(throws: expected) { try plain.credentialProvider(profile: "nope", httpClient: .shared) }
            let viaVariable = AWSEnvironment(variables: ["AWS_PROFILE": "nope"], homeDirectory: home)
            #expect(throws: expected) { try viaVariable.region(explicit: "eu-west-1", profile: nil) }
            #expect(expected.description.contains("\"nope\"") && expected.description.contains(files[1]))
            #expect(expected.category == .usage)
            // No [default] anywhere: fine, the built-in default region applies.
            #expect(try plain.region(explicit: nil, profile: nil) == "us-east-1")
        }
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the files, ~ meaning the home folder")
    func fileOverrides() async throws {
        try await withAWSHome { home in
            let elsewhere = home.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try Data("[ci]\naws_access_key_id = AKIAMOVED\naws_secret_access_key = moved-secret\n".utf8)
                .write(to: elsewhere.appendingPathComponent("creds"))
            try Data("[profile ci]\nregion = sa-east-1\n".utf8).write(to: elsewhere.appendingPathComponent("conf"))
            let environment = AWSEnvironment(
                variables: Self.offline.merging([
                    "AWS_SHARED_CREDENTIALS_FILE": "~/elsewhere/creds",
                    "AWS_CONFIG_FILE": elsewhere.appendingPathComponent("conf").path,
                ]) { $1 },
                homeDirectory: home)
            #expect(environment.credentialsFile.path == elsewhere.appendingPathComponent("creds").path)
            #expect(try environment.region(explicit: nil, profile: "ci") == "sa-east-1")
            let chain = try environment.credentialProvider(profile: "ci", httpClient: .shared)
            #expect(try await chain.credentials().accessKeyID == "AKIAMOVED")
        }
    }

    @Test(
        "region: explicit, else AWS_REGION, else AWS_DEFAULT_REGION, else the profile, else us-east-1",
        arguments: [
            (
                explicit: "r-explicit", variables: ["AWS_REGION": "r-env", "AWS_DEFAULT_REGION": "r-default"],
                profileRegion: "r-file", expected: "r-explicit"
            ),
            (
                explicit: nil, variables: ["AWS_REGION": "r-env", "AWS_DEFAULT_REGION": "r-default"],
                profileRegion: "r-file", expected: "r-env"
            ),
            (
                explicit: nil, variables: ["AWS_REGION": "", "AWS_DEFAULT_REGION": "r-default"],
                profileRegion: "r-file", expected: "r-default"
            ),
            (explicit: "", variables: [:], profileRegion: "r-file", expected: "r-file"),
            (explicit: nil, variables: [:], profileRegion: nil, expected: "us-east-1"),
        ] as [(explicit: String?, variables: [String: String], profileRegion: String?, expected: String)])
    func regionOrder(explicit: String?, variables: [String: String], profileRegion: String?, expected: String)
        async throws
    {
        let config = "[default]\n" + (profileRegion.map { "region = \($0)\n" } ?? "output = json\n")
        try await withAWSHome(config: config) { home throws in
            let environment = AWSEnvironment(variables: variables, homeDirectory: home)
            #expect(try environment.region(explicit: explicit, profile: nil) == expected)
        }
    }

    @Test(
        "endpoint: explicit, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the services section, the profile, else nil",
        arguments: [
            (
                explicit: "http://explicit",
                variables: ["AWS_ENDPOINT_URL_S3": "http://env-s3", "AWS_ENDPOINT_URL": "http://env"], config: 2,
                expected: "http://explicit"
            ),
            (
                explicit: nil, variables: ["AWS_ENDPOINT_URL_S3": "http://env-s3", "AWS_ENDPOINT_URL": "http://env"],
                config: 2, expected: "http://env-s3"
            ),
            (explicit: nil, variables: ["AWS_ENDPOINT_URL": "http://env"], config: 2, expected: "http://env"),
            (explicit: nil, variables: [:], config: 2, expected: "http://file-s3"),
            (explicit: nil, variables: [:], config: 1, expected: "http://file"),
            (explicit: nil, variables: [:], config: 0, expected: nil),
            (
                explicit: nil,
                variables: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "http://env"], config: 2,
                expected: nil
            ),
            (
                explicit: "http://explicit", variables: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], config: 2,
                expected: "http://explicit"
            ),
        ] as [(explicit: String?, variables: [String: String], config: Int, expected: String?)])
    func endpointOrder(explicit: String?, variables: [String: String], config: Int, expected: String?) async throws {
        // config: 0 = no endpoint in the file, 1 = the profile's endpoint_url, 2 = that and a services section.
        let text = [
            "[default]\nregion = us-east-1\n",
            "[default]\nendpoint_url = http://file\n",
            "[default]\nendpoint_url = http://file\nservices = local\n[services local]\ns3 =\n  endpoint_url = http://file-s3\n",
        ][config]
        try await withAWSHome(config: text) { home throws in
            let environment = AWSEnvironment(variables: variables, homeDirectory: home)
            #expect(try environment.endpoint(explicit: explicit, profile: nil) == expected)
        }
    }

    @Test("environment variables win over the shared files")
    func environmentWins() async throws {
        try await withAWSHome(credentials: Self.twoFiles.credentials) { home in
            let variables = Self.offline.merging([
                "AWS_PROFILE": "dev", "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                "AWS_SESSION_TOKEN": "env-token",
            ]) { $1 }
            let chain = try AWSEnvironment(variables: variables, homeDirectory: home)
                .credentialProvider(profile: nil, httpClient: .shared)
            #expect(
                try await chain.credentials()
                    == AWSCredentials(accessKeyID: "AKIAENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
            #expect(await chain.chosenSource == "environment variables")
            #expect(chain.sources.map(\.name).first == "environment variables")
        }
    }

    @Test("half-set environment keys fall through to the profile")
    func partialEnvironment() async throws {
        try await withAWSHome(credentials: Self.twoFiles.credentials) { home in
            let variables = Self.offline.merging(["AWS_ACCESS_KEY_ID": "AKIAENV"]) { $1 }
            let chain = try AWSEnvironment(variables: variables, homeDirectory: home)
                .credentialProvider(profile: "dev", httpClient: .shared)
            #expect(try await chain.credentials().accessKeyID == "AKIACREDFILE")
        }
    }

    @Test("with no credentials anywhere the error lists every source and why it had none")
    func noCredentials() async throws {
        try await withAWSHome(config: "[default]\nregion = eu-west-1\n") { home in
            let chain = try AWSEnvironment(variables: Self.offline, homeDirectory: home)
                .credentialProvider(profile: nil, httpClient: .shared)
            let error = try await #require(throws: AWSCredentialError.self) { try await chain.credentials() }
            guard case .noCredentials(let tried) = error else {
                Issue.record("expected noCredentials, got \(error)")
                return
            }
            #expect(
                tried.map(\.source) == [
                    "environment variables",
                    "profile \"default\" in \(home.path)/.aws/credentials and \(home.path)/.aws/config",
                    "ECS container endpoint", "EC2 instance metadata",
                ])
            #expect(
                tried.map(\.reason) == [
                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set",
                    "the profile has no aws_access_key_id",
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set",
                    "AWS_EC2_METADATA_DISABLED is true",
                ])
            #expect(
                error.description.hasPrefix("no AWS credentials found; tried environment variables (AWS_ACCESS_KEY_ID"))
        }
    }

    @Test("no secret or token appears in any error, description or source list")
    func secretsStayHidden() async throws {
        let secrets = [
            "SECRET-ENV-0001", "TOKEN-ENV-0002", "SECRET-FILE-0003", "SECRET-CONFIG-0004", "ECS-AUTH-0005",
            "SECRET-LINE-0006",
        ]
        try await withAWSHome(
            credentials: "[default]\naws_secret_access_key = \(secrets[2])\n",
            config: "[default]\naws_access_key_id = AKIAHALF\n"
        ) { home in
            var texts: [String] = []
            // Half-set keys everywhere, a token for an ECS URI the chain refuses, and a token in the env.
            let variables = [
                "AWS_SECRET_ACCESS_KEY": secrets[0], "AWS_SESSION_TOKEN": secrets[1],
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://203.0.113.9/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": secrets[4], "AWS_EC2_METADATA_DISABLED": "true",
            ]
            try Data("[default]\naws_access_key_id = AKIAHALF\naws_secret_access_key = \(secrets[3])\n".utf8)
                .write(to: home.appendingPathComponent("other-config"))
            let environment = AWSEnvironment(variables: variables, homeDirectory: home)
            let chain = try environment.credentialProvider(profile: nil, httpClient: .shared)
            texts.append(String(describing: chain.sources))
            do {
                _ = try await chain.credentials()
                Issue.record("expected no credentials")
            } catch {
                texts.append("\(error)")
                texts.append(String(reflecting: error))
            }
            // The profile only in the config file, with its key and secret, as a source.
            let configOnly = AWSEnvironment(
                variables: variables.merging(["AWS_CONFIG_FILE": home.appendingPathComponent("other-config").path]) {
                    $1
                }, homeDirectory: home)
            texts.append(
                String(describing: try configOnly.credentialProvider(profile: nil, httpClient: .shared).sources))
            // A malformed line that is a secret on its own.
            do {
                _ = try AWSSharedConfigFile(parsing: "[default]\n\(secrets[5])\n", kind: .credentials, file: "f")
            } catch { texts.append("\(error)") }
            texts.append(
                AWSCredentials(accessKeyID: "AKIAX", secretAccessKey: secrets[0], sessionToken: secrets[1]).description)
            #expect(texts.count == 6)
            for text in texts {
                for secret in secrets { #expect(!text.contains(secret), "\(secret) leaked into: \(text)") }
            }
            #expect(texts[1].contains("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"))
            #expect(texts[1].contains("has aws_access_key_id but no aws_secret_access_key"))
            #expect(texts[1].contains("plain http is allowed only to a loopback address"))
        }
    }
}
