import Foundation

/// Runs a tool to completion and keeps what it printed (the check's tools print little).
enum ToolRun {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let outputs = ["stdout", "stderr"].map {
            FileManager.default.temporaryDirectory.appendingPathComponent("sluice-tool-\(UUID().uuidString).\($0)")
        }
        defer { for url in outputs { try? FileManager.default.removeItem(at: url) } }
        let handles = try outputs.map { url in
            FileManager.default.createFile(atPath: url.path, contents: nil)
            return try FileHandle(forWritingTo: url)
        }
        process.standardOutput = handles[0]
        process.standardError = handles[1]
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        for handle in handles { try handle.close() }
        let texts = outputs.map { url in
            ((try? String(contentsOf: url, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return Result(status: process.terminationStatus, stdout: texts[0], stderr: texts[1])
    }
}

/// Finds a command on PATH, as a shell would.
enum ExecutableSearch {
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
