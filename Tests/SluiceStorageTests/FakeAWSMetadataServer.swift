import AsyncHTTPClient
import Foundation
import SluiceTestSupport

/// `Scripts/fake_aws_metadata.py` running as a child process on a port the system chose: the ECS
/// container endpoint under `/ecs/` and EC2 instance metadata (IMDSv2) at the root. `stop()` ends
/// it; call it in a `defer` so a failing test does not leave it running.
final class FakeAWSMetadataServer {
    let child: ScriptProcess

    var baseURL: String { "http://127.0.0.1:\(child.port)" }
    /// A full URI for `AWS_CONTAINER_CREDENTIALS_FULL_URI`.
    var containerURI: String { baseURL + "/ecs/v2/credentials" }

    private init(child: ScriptProcess) { self.child = child }

    /// Starts the fake with `python3` from `PATH`.
    /// - Parameters:
    ///   - lifetime: seconds until the credentials it issues expire.
    ///   - containerToken: the `Authorization` value the ECS endpoint requires, if any.
    static func start(lifetime: Int = 3, containerToken: String? = nil) async throws -> FakeAWSMetadataServer {
        FakeAWSMetadataServer(
            child: try await ScriptProcess.start(
                "fake_aws_metadata.py",
                ["--lifetime", String(lifetime)] + (containerToken.map { ["--ecs-token", $0] } ?? [])))
    }

    /// How many requests each endpoint answered: `ecs`, `imds_token`, `imds_role`,
    /// `imds_credentials`, and `rejected` (wrong token, unknown path).
    func counts() async throws -> [String: Int] {
        let body = try await send("GET", "/_count")
        return try JSONDecoder().decode([String: Int].self, from: body)
    }

    /// Sets how an endpoint (`ecs` or `imds`) answers: `ok`, `fail`, `garbage` or `hang`.
    func setMode(_ endpoint: String, _ mode: String) async throws {
        _ = try await send("POST", "/_mode?\(endpoint)=\(mode)")
    }

    /// A plain request with no metadata headers; returns the status.
    func status(_ method: String, _ path: String) async throws -> UInt {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .init(rawValue: method)
        return try await HTTPClient.shared.execute(request, timeout: .seconds(10)).status.code
    }

    private func send(_ method: String, _ path: String) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .init(rawValue: method)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
    }

    func stop() { child.stop() }
}
