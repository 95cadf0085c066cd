import Foundation
import Logging

/// A swift-log handler writing text or JSON lines to a `LineSink` (standard error by default).
public struct SluiceLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let formatter: LogLineFormatter
    private let sink: LineSink

    public init(label: String, level: Logger.Level, format: LogFormat, sink: LineSink) {
        self.label = label
        self.logLevel = level
        self.formatter = LogLineFormatter(format: format)
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        sink.write(
            formatter.line(at: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged)
        )
    }

    /// Installs the handler for the whole process. Call once, at start-up.
    public static func bootstrap(level: Logger.Level, format: LogFormat, sink: LineSink = .standardError) {
        LoggingSystem.bootstrap { label in
            SluiceLogHandler(label: label, level: level, format: format, sink: sink)
        }
    }
}
