import AsyncHTTPClient
import Foundation

/// Fetches the task role's temporary credentials from the ECS container endpoint (also used by
/// EKS Pod Identity): `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` below `http://169.254.170.2`, else
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on
/// each fetch, as the token rotates) or `AWS_CONTAINER_AUTHORIZATION_TOKEN` as `Authorization`.
struct ContainerCredentialFetcher: Sendable {
    static let source = "ECS container endpoint"
    static let relativeURIHost = "http://169.254.170.2"
    /// Plain-HTTP hosts a full URI may name, so the authorization token cannot be sent in the
    /// clear to an arbitrary host: loopback and the ECS and EKS link-local addresses.
    static let plainHTTPHosts: Set<String> = ["localhost", "::1", "169.254.170.2", "169.254.170.23", "fd00:ec2::23"]

    enum Authorization: Sendable {
        case none
        case token(String)
        case tokenFile(String)
    }

    var url: String
    var authorization: Authorization
    var endpoint: MetadataEndpoint

    /// Nil when neither URI variable is set.
    /// - Throws: `AWSCredentialError.invalidVariable` for a full URI that is not an allowed URL.
    init?(variables: [String: String], httpClient: HTTPClient, timeout: Duration) throws {
        if let relative = variables.nonEmpty("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            url = Self.relativeURIHost + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = variables.nonEmpty("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            try Self.check(fullURI: full)
            url = full
        } else {
            return nil
        }
        if let file = variables.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            authorization = .tokenFile(file)
        } else if let token = variables.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN") {
            authorization = .token(token)
        } else {
            authorization = .none
        }
        endpoint = MetadataEndpoint(source: Self.source, httpClient: httpClient, timeout: timeout)
    }

    func fetch() async throws -> AWSCredentials {
        var headers: [(String, String)] = []
        if let token = try authorizationToken() { headers.append(("Authorization", token)) }
        let body = try await endpoint.send(.get, url, headers: headers)
        switch MetadataCredentialsDocument.credentials(from: body) {
        case .success(let credentials): return credentials
        case .failure(let reason): throw endpoint.failure(url, reason.text)
        }
    }

    private func authorizationToken() throws -> String? {
        let token: String
        switch authorization {
        case .none:
            return nil
        case .token(let value):
            token = value
        case .tokenFile(let path):
            do {
                token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)
            } catch {
                throw AWSCredentialError.invalidVariable(
                    name: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", reason: "cannot read \(path)")
            }
        }
        // A line break would let the token add headers of its own.
        guard !token.contains(where: \.isNewline) else {
            throw AWSCredentialError.invalidVariable(
                name: "AWS_CONTAINER_AUTHORIZATION_TOKEN", reason: "the token contains a line break")
        }
        return token
    }

    private static func check(fullURI: String) throws {
        func invalid(_ reason: String) -> AWSCredentialError {
            .invalidVariable(name: "AWS_CONTAINER_CREDENTIALS_FULL_URI", reason: reason)
        }
        guard let components = URLComponents(string: fullURI), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { throw invalid("\(fullURI.debugDescription) is not an absolute URL") }
        switch scheme {
        case "https":
            return
        case "http":
            let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            guard plainHTTPHosts.contains(bare) || bare.hasPrefix("127.") else {
                throw invalid("plain http is allowed only to a loopback address or the ECS/EKS endpoints, not \(host)")
            }
        default:
            throw invalid("the scheme must be http or https")
        }
    }
}
