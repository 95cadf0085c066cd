import Foundation
import SluiceCore

/// The run history of a project: `.sluice/runs/<job>.jsonl`, appended one line per task run.
public struct RunRecordLog: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public init(project: Project) {
        self.init(directory: project.stateDirectory.appendingPathComponent("runs", isDirectory: true))
    }

    public func file(forJob job: String) -> URL {
        directory.appendingPathComponent("\(job).jsonl")
    }

    /// Appends one record. Each record is one `write` to a file opened for appending, so records
    /// from concurrent processes never interleave.
    public func append(_ record: RunRecord) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RunRecordError.cannotWrite(path: directory.path, reason: "cannot create the folder: \(error)")
        }
        var line = try Self.encoder.encode(record)
        line.append(UInt8(ascii: "\n"))
        let path = file(forJob: record.job).path
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw RunRecordError.cannotWrite(path: path, reason: Self.lastErrorText) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw RunRecordError.cannotWrite(path: path, reason: Self.lastErrorText) }
    }

    /// All records of a job, oldest first. A missing history is empty.
    public func records(forJob job: String) throws -> [RunRecord] {
        let url = file(forJob: job)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RunRecordError.cannotRead(path: url.path, reason: "\(error)")
        }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A process killed mid-append can leave a last line without its newline: not a record yet.
        lines.removeLast()
        var records: [RunRecord] = []
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                records.append(try Self.decoder.decode(RunRecord.self, from: Data(line)))
            } catch {
                throw RunRecordError.unreadable(path: url.path, line: index + 1)
            }
        }
        return records
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private static var lastErrorText: String { String(cString: strerror(errno)) }
}

/// The run history cannot be read or written.
public enum RunRecordError: SluiceError, Equatable {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case unreadable(path: String, line: Int)

    public var category: FailureCategory { .taskFailed }
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write run record to \(path): \(reason)"
        case .cannotRead(let path, let reason): return "cannot read run records from \(path): \(reason)"
        case .unreadable(let path, let line): return "\(path):\(line): not a run record"
        }
    }
}
