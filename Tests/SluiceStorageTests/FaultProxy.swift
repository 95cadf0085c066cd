import Foundation
import SluiceTestSupport

/// `Scripts/s3_fault_proxy.py` in a child process: forwards to an S3 server, injecting the
/// failures its arguments ask for, and logs each request as a JSON line.
final class FaultProxy {
    struct Request: Decodable {
        var method: String
        var path: String
    }

    let child: ScriptProcess
    let log: URL

    var endpoint: String { "http://127.0.0.1:\(child.port)" }

    private init(child: ScriptProcess, log: URL) {
        self.child = child
        self.log = log
    }

    static func start(upstream: String, _ arguments: [String]) async throws -> FaultProxy {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("fault-proxy-\(UUID().uuidString).log")
        let upstreamHost = upstream.replacingOccurrences(of: "http://", with: "")
        let child = try await ScriptProcess.start(
            "s3_fault_proxy.py", ["--upstream", upstreamHost, "--log", log.path] + arguments)
        return FaultProxy(child: child, log: log)
    }

    /// The requests the proxy has seen so far, injected failures included.
    func requests() throws -> [Request] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    func stop() {
        child.stop()
        try? FileManager.default.removeItem(at: log)
    }
}
