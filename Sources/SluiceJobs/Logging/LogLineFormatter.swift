import Foundation
import Logging
import SluiceCore

/// Renders one log event as a text or JSON line.
public struct LogLineFormatter: Sendable {
    public var format: LogFormat

    public init(format: LogFormat) {
        self.format = format
    }

    public func line(
        at date: Date,
        level: Logger.Level,
        label: String,
        message: String,
        metadata: Logger.Metadata
    ) -> String {
        let timestamp = UTCTimestamp.iso8601(date, fractionDigits: 3)
        let keys = metadata.keys.sorted()
        switch format {
        case .text:
            let fields = keys.map { "\($0)=\(Self.textValue(metadata[$0]))" }.joined(separator: " ")
            let padded = level.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            return "\(timestamp) \(padded) \(message)\(fields.isEmpty ? "" : "  " + fields)\n"
        case .json:
            var fields = [
                ("ts", JSONText.quoted(timestamp)),
                ("level", JSONText.quoted(level.rawValue)),
                ("logger", JSONText.quoted(label)),
                ("message", JSONText.quoted(message)),
            ]
            for key in keys where !["ts", "level", "logger", "message"].contains(key) {
                fields.append((key, JSONText.quoted(Self.textValue(metadata[key]))))
            }
            return "{" + fields.map { "\(JSONText.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}\n"
        }
    }

    private static func textValue(_ value: Logger.MetadataValue?) -> String {
        switch value {
        case .none: return ""
        case .string(let text): return text
        case .stringConvertible(let value): return value.description
        case .array(let values): return "[" + values.map { textValue($0) }.joined(separator: ", ") + "]"
        case .dictionary(let values):
            return "{" + values.keys.sorted().map { "\($0): \(textValue(values[$0]))" }.joined(separator: ", ") + "}"
        }
    }
}
