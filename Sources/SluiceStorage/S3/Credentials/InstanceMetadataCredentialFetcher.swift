import AsyncHTTPClient
import Foundation

/// Fetches the instance role's temporary credentials from EC2 instance metadata, IMDSv2 only:
/// a session token from `PUT /latest/api/token`, then the role name and the role's credentials,
/// each with the token. The endpoint is `http://169.254.169.254` unless
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` says otherwise.
struct InstanceMetadataCredentialFetcher: Sendable {
    static let source = "EC2 instance metadata"
    static let defaultEndpoint = "http://169.254.169.254"
    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"
    /// The session token's lifetime in seconds; six hours, the maximum.
    static let tokenLifetime = "21600"

    var baseURL: String
    var endpoint: MetadataEndpoint

    /// Nil when `AWS_EC2_METADATA_DISABLED` is `true`.
    init?(variables: [String: String], httpClient: HTTPClient, timeout: Duration) {
        guard variables["AWS_EC2_METADATA_DISABLED"]?.lowercased() != "true" else { return nil }
        var base = variables.nonEmpty("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? Self.defaultEndpoint
        while base.hasSuffix("/") { base.removeLast() }
        baseURL = base
        endpoint = MetadataEndpoint(source: Self.source, httpClient: httpClient, timeout: timeout)
    }

    func fetch() async throws -> AWSCredentials {
        let tokenURL = baseURL + "/latest/api/token"
        let tokenBody = try await endpoint.send(
            .put, tokenURL, headers: [("X-aws-ec2-metadata-token-ttl-seconds", Self.tokenLifetime)])
        let token = String(decoding: tokenBody, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.contains(where: \.isNewline) else {
            throw endpoint.failure(tokenURL, "the answer is not a session token")
        }
        let tokenHeader = [("X-aws-ec2-metadata-token", token)]

        let rolesURL = baseURL + Self.credentialsPath
        let roles = String(decoding: try await endpoint.send(.get, rolesURL, headers: tokenHeader), as: UTF8.self)
        let role = roles.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let role, !role.isEmpty,
            let escaped = role.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
        else { throw endpoint.failure(rolesURL, "the instance has no IAM role") }

        let roleURL = rolesURL + escaped
        let body = try await endpoint.send(.get, roleURL, headers: tokenHeader)
        switch MetadataCredentialsDocument.credentials(from: body) {
        case .success(let credentials): return credentials
        case .failure(let reason): throw endpoint.failure(roleURL, reason.text)
        }
    }
}
