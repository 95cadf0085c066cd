import Foundation
import SluiceTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `sluice serve` child process on a port the system chose, and the HTTP requests tests send it.
/// `stop()` ends it; call it in a `defer` so a failing test does not leave it running.
final class ServeProcess {
    struct Reply {
        var status: Int
        var body: String

        func jsonObject() throws -> [String: Any]? {
            try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        }
    }

    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts `sluice serve --project PROJECT --port 0 ARGUMENTS` and waits for its
    /// `listening on` line. Standard error goes to `serve.stderr` in `scratch`.
    static func start(
        project: URL, scratch: ScratchFolder, arguments: [String] = [], environment: [String: String] = [:]
    ) throws -> ServeProcess {
        let process = Process()
        process.executableURL = SluiceBinary.url
        process.arguments = ["serve", "--project", project.path, "--port", "0"] + arguments
        process.currentDirectoryURL = scratch.url
        var env = ProcessInfo.processInfo.environment
        env["SLUICE_PROJECT"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        process.standardOutput = stdout
        let stderrURL = scratch.url.appendingPathComponent("serve.stderr")
        try Data().write(to: stderrURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()

        let line = ChildProcess.firstLine(of: stdout.fileHandleForReading, timeout: .seconds(30))
        let prefix = "listening on http://127.0.0.1:"
        guard let line, line.hasPrefix(prefix), let port = Int(line.dropFirst(prefix.count)) else {
            ChildProcess.stop(process)
            let stderr = (try? scratch.read("serve.stderr")) ?? ""
            throw ServeProcessError(message: "no listening line (got \(line ?? "nothing")); stderr: \(stderr)")
        }
        return ServeProcess(process: process, port: port)
    }

    func request(_ method: String, _ path: String, body: String? = nil, token: String? = nil) throws -> Reply {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else {
            throw ServeProcessError(message: "bad path \(path)")
        }
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            answer.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 30) == .success else {
            throw ServeProcessError(message: "\(method) \(path) timed out")
        }
        return try answer.reply()
    }

    /// The samples of `GET /metrics` by series (`name{labels}`), comments left out.
    func metrics() throws -> [String: Double] {
        let reply = try request("GET", "/metrics")
        guard reply.status == 200 else { throw ServeProcessError(message: "metrics answered \(reply.status)") }
        var samples: [String: Double] = [:]
        for line in reply.body.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                throw ServeProcessError(message: "not a sample line: \(line)")
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    func stop() {
        ChildProcess.stop(process)
    }
}

struct ServeProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// What a callback on another thread delivered, behind a lock.
private final class Answer: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: (any Error)?

    func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
        lock.withLock {
            self.data = data
            self.response = response
            self.error = error
        }
    }

    func reply() throws -> ServeProcess.Reply {
        try lock.withLock {
            if let error { throw error }
            guard let response else { throw ServeProcessError(message: "no HTTP response") }
            return ServeProcess.Reply(
                status: response.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self))
        }
    }
}
