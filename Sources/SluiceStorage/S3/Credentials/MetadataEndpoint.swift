import AsyncHTTPClient
import Foundation

/// One metadata endpoint (ECS or EC2) and the plain HTTP exchanges the credential providers have
/// with it. Every failure becomes `AWSCredentialError.endpointFailed` naming the source and the
/// URL; bodies are never quoted, as they may hold credentials.
struct MetadataEndpoint: Sendable {
    /// The source's name in messages, e.g. `ECS container endpoint`.
    var source: String
    var httpClient: HTTPClient
    /// The limit on each whole exchange: short, so a chain off AWS does not hang.
    var timeout: Duration

    /// Answers are a few hundred bytes; anything far larger is not a metadata endpoint.
    static let maximumBodySize = 64 * 1024

    /// The two methods the endpoints need.
    enum Method: String {
        case get = "GET"
        case put = "PUT"
    }

    /// Sends one request and returns the body of a 200 answer.
    func send(_ method: Method, _ url: String, headers: [(String, String)] = []) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        switch method {
        case .get: request.method = .GET
        case .put: request.method = .PUT
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let status: UInt
        let body: Data
        do {
            let (seconds, attoseconds) = timeout.components
            let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
            let response = try await httpClient.execute(request, timeout: .milliseconds(milliseconds))
            status = response.status.code
            body = Data(try await response.body.collect(upTo: Self.maximumBodySize).readableBytesView)
        } catch {
            throw failure(url, "\(method.rawValue) failed: \(error)")
        }
        guard status == 200 else { throw failure(url, "\(method.rawValue) answered HTTP \(status)") }
        return body
    }

    func failure(_ url: String, _ reason: String) -> AWSCredentialError {
        .endpointFailed(source: source, endpoint: url, reason: reason)
    }
}
