import AsyncHTTPClient
import Foundation

/// Where an S3 client finds its credentials, region and endpoint when the connection does not
/// say: the environment variables and the shared files `~/.aws/credentials` and `~/.aws/config`,
/// read the way the AWS SDKs read them. The variables are passed in, so tests need not touch the
/// process environment.
///
/// The profile is `profile` when given, else `AWS_PROFILE`, else `default`. Every method reads
/// the shared files first, so a named profile that does not exist (a typo) is reported whichever
/// setting is asked for; only the implicit `default` profile may be absent.
public struct AWSEnvironment: Sendable {
    public static let defaultRegion = "us-east-1"

    public var variables: [String: String]
    public var homeDirectory: URL
    /// The limit on each request to the ECS container endpoint.
    public var containerTimeout: Duration = .seconds(2)
    /// The limit on each request to EC2 instance metadata; short, since off EC2 nothing answers.
    public var instanceMetadataTimeout: Duration = .seconds(1)

    public init(
        variables: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: URL = FileManager.default.homeDirectoryForCurrentUser
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
    }

    /// `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
    public var credentialsFile: URL { file("AWS_SHARED_CREDENTIALS_FILE", default: "credentials") }

    /// `AWS_CONFIG_FILE`, else `~/.aws/config`.
    public var configFile: URL { file("AWS_CONFIG_FILE", default: "config") }

    /// The profile to use: `explicit`, else `AWS_PROFILE`, else `default`.
    public func profileName(_ explicit: String?) -> String {
        explicit.flatMap { $0.isEmpty ? nil : $0 } ?? variables.nonEmpty("AWS_PROFILE") ?? "default"
    }

    /// The profile's settings from the shared files; nil when the implicit `default` profile is in
    /// neither file.
    /// - Throws: `AWSCredentialError.profileNotFound` for a missing profile named by argument or
    ///   `AWS_PROFILE`; `invalidSharedFile` for a file that cannot be read or parsed.
    public func profile(_ explicit: String?) throws -> AWSProfile? {
        let name = profileName(explicit)
        let files = try AWSSharedFiles(credentialsFile: credentialsFile, configFile: configFile)
        if let profile = files.profile(named: name) { return profile }
        let named = explicit.flatMap { $0.isEmpty ? nil : $0 } ?? variables.nonEmpty("AWS_PROFILE")
        guard named == nil else { throw AWSCredentialError.profileNotFound(profile: name, files: files.paths) }
        return nil
    }

    /// `explicit`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`, else
    /// `us-east-1`.
    public func region(explicit: String?, profile: String?) throws -> String {
        let settings = try self.profile(profile)
        return explicit.flatMap { $0.isEmpty ? nil : $0 } ?? variables.nonEmpty("AWS_REGION")
            ?? variables.nonEmpty("AWS_DEFAULT_REGION") ?? settings?.value("region") ?? Self.defaultRegion
    }

    /// `explicit`, else `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, else the profile's
    /// `services` section's `s3` `endpoint_url`, else the profile's `endpoint_url`, else nil (AWS
    /// itself). `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile's
    /// `ignore_configured_endpoint_urls`) set to `true` leaves only `explicit`.
    public func endpoint(explicit: String?, profile: String?) throws -> String? {
        let settings = try self.profile(profile)
        if let explicit, !explicit.isEmpty { return explicit }
        let ignore =
            variables.nonEmpty("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            ?? settings?.value("ignore_configured_endpoint_urls")
        guard ignore?.lowercased() != "true" else { return nil }
        return variables.nonEmpty("AWS_ENDPOINT_URL_S3") ?? variables.nonEmpty("AWS_ENDPOINT_URL")
            ?? settings?.serviceValue("s3", "endpoint_url") ?? settings?.value("endpoint_url")
    }

    /// The credential chain, in the AWS SDKs' order: environment variables, the profile's keys in
    /// the shared files, the ECS container endpoint, EC2 instance metadata (IMDSv2). The two
    /// endpoints' temporary credentials are cached and refreshed before they expire.
    ///
    /// - Parameter httpClient: sends the metadata requests; it must outlive the chain.
    /// - Throws: what `profile(_:)` throws.
    public func credentialProvider(profile: String?, httpClient: HTTPClient) throws -> AWSCredentialChain {
        let settings = try self.profile(profile)
        return AWSCredentialChain([
            environmentSource(),
            profileSource(name: profileName(profile), settings: settings),
            containerSource(httpClient: httpClient),
            instanceMetadataSource(httpClient: httpClient),
        ])
    }

    private func environmentSource() -> AWSCredentialSource {
        let name = "environment variables"
        switch (variables.nonEmpty("AWS_ACCESS_KEY_ID"), variables.nonEmpty("AWS_SECRET_ACCESS_KEY")) {
        case (let keyID?, let secret?):
            let credentials = AWSCredentials(
                accessKeyID: keyID, secretAccessKey: secret, sessionToken: variables.nonEmpty("AWS_SESSION_TOKEN"))
            return .available(name: name, provider: StaticCredentialProvider(credentials))
        case (_?, nil):
            return .unavailable(name: name, reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case (nil, _?):
            return .unavailable(name: name, reason: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (nil, nil):
            return .unavailable(name: name, reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
        }
    }

    private func profileSource(name profileName: String, settings: AWSProfile?) -> AWSCredentialSource {
        let name = "profile \(profileName.debugDescription) in \(credentialsFile.path) and \(configFile.path)"
        guard let settings else { return .unavailable(name: name, reason: "no such profile") }
        do {
            guard
                let credentials = try settings.credentials(
                    credentialsFile: credentialsFile.path, configFile: configFile.path)
            else {
                // role_arn, sso_* and credential_process profiles are not supported yet.
                return .unavailable(name: name, reason: "the profile has no aws_access_key_id")
            }
            return .available(name: name, provider: StaticCredentialProvider(credentials))
        } catch {
            return .unavailable(name: name, reason: "\(error)")
        }
    }

    private func containerSource(httpClient: HTTPClient) -> AWSCredentialSource {
        let name = ContainerCredentialFetcher.source
        do {
            guard
                let fetcher = try ContainerCredentialFetcher(
                    variables: variables, httpClient: httpClient, timeout: containerTimeout)
            else {
                return .unavailable(
                    name: name,
                    reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set")
            }
            return .available(name: name, provider: RefreshingCredentialProvider(fetch: fetcher.fetch))
        } catch {
            return .unavailable(name: name, reason: "\(error)")
        }
    }

    private func instanceMetadataSource(httpClient: HTTPClient) -> AWSCredentialSource {
        let name = InstanceMetadataCredentialFetcher.source
        guard
            let fetcher = InstanceMetadataCredentialFetcher(
                variables: variables, httpClient: httpClient, timeout: instanceMetadataTimeout)
        else { return .unavailable(name: name, reason: "AWS_EC2_METADATA_DISABLED is true") }
        return .available(name: name, provider: RefreshingCredentialProvider(fetch: fetcher.fetch))
    }

    /// The file a variable names (a leading `~/` meaning the home folder), else `~/.aws/<name>`.
    private func file(_ variable: String, default name: String) -> URL {
        guard let path = variables.nonEmpty(variable) else {
            return homeDirectory.appendingPathComponent(".aws").appendingPathComponent(name)
        }
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory.appendingPathComponent(String(path.dropFirst(2))) }
        return URL(fileURLWithPath: path)
    }
}

extension [String: String] {
    /// The variable's value, treating an empty value as unset (as the AWS SDKs do).
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
