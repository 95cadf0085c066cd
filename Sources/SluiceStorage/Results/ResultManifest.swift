import Foundation

/// The content of a run's `_SUCCESS` marker, as JSON:
///
/// ```json
/// {
///   "format" : 1,
///   "parts" : [ { "name" : "part-00000.parquet", "size" : 1234 } ],
///   "runID" : "20261120T030000Z-3fa9c1",
///   "totalBytes" : 1234,
///   "writtenAt" : "2026-11-20T03:04:05Z"
/// }
/// ```
///
/// Part names are relative to the run folder. Readers check the listed parts against it; an
/// empty marker (as other tools write) is accepted without that check.
public struct ResultManifest: Sendable, Hashable, Codable {
    /// One part file of the run.
    public struct Part: Sendable, Hashable, Codable {
        /// The file name within the run folder, e.g. `part-00000.parquet`.
        public var name: String
        /// Its size in bytes.
        public var size: Int64

        public init(name: String, size: Int64) {
            self.name = name
            self.size = size
        }
    }

    /// The current manifest format.
    public static let currentFormat = 1

    /// The manifest format version.
    public var format: Int
    public var runID: RunID
    /// When the marker was written (whole seconds, UTC).
    public var writtenAt: Date
    /// The parts in ascending name order.
    public var parts: [Part]
    public var totalBytes: Int64

    public init(runID: RunID, writtenAt: Date, parts: [Part]) {
        self.format = Self.currentFormat
        self.runID = runID
        self.writtenAt = Date(timeIntervalSince1970: writtenAt.timeIntervalSince1970.rounded(.down))
        self.parts = parts
        self.totalBytes = parts.reduce(0) { $0 + $1.size }
    }

    /// The marker's bytes: pretty-printed JSON with sorted keys.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// Parses a marker's bytes.
    public static func decode(_ bytes: [UInt8]) throws -> ResultManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ResultManifest.self, from: Data(bytes))
    }
}
