import Foundation
import Logging
import Synchronization
import Testing

@testable import SluiceJobs

@Suite("Logs and progress")
struct LoggingTests {
    final class Captured: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func sink(isTerminal: Bool) -> LineSink {
            LineSink(isTerminal: isTerminal) { text in self.lines.withLock { $0.append(text) } }
        }
    }

    @Test("JSON log lines are one parseable object each, metadata included")
    func jsonLines() throws {
        let captured = Captured()
        var logger = Logger(label: "sluice") {
            SluiceLogHandler(label: $0, level: .info, format: .json, sink: captured.sink(isTerminal: false))
        }
        logger[metadataKey: "job"] = "job1"
        logger.info("task \"started\"\nnext line", metadata: ["task": "prepare-data"])
        logger.debug("hidden below the level")
        #expect(captured.all.count == 1)
        let line = try #require(captured.all.first)
        #expect(line.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["level"] == "info")
        #expect(object["logger"] == "sluice")
        #expect(object["message"] == "task \"started\"\nnext line")
        #expect(object["job"] == "job1")
        #expect(object["task"] == "prepare-data")
        #expect(object["ts"]?.hasSuffix("Z") == true)
    }

    @Test("text log lines carry level, message and sorted metadata")
    func textLines() {
        let captured = Captured()
        let logger = Logger(label: "sluice") {
            SluiceLogHandler(label: $0, level: .info, format: .text, sink: captured.sink(isTerminal: false))
        }
        logger.warning("slow", metadata: ["b": "2", "a": "1"])
        #expect(captured.all.first?.contains(" warning slow  a=1 b=2\n") == true)
    }

    @Test("progress on a terminal redraws one line and clears it at the end")
    func terminalProgress() {
        let captured = Captured()
        let output = ProgressOutput(sink: captured.sink(isTerminal: true), logInterval: 60, redrawInterval: 0)
        let progress = ProgressReporter(label: "loading", total: 4, unit: .rows, output: output, logger: .silent)
        for _ in 0..<4 { progress.advance(by: 1) }
        progress.finish()
        #expect(captured.all.count == 5)
        #expect(captured.all[0].hasPrefix("\r\u{1B}[Kloading: 1 rows / 4 rows (25.0%)"))
        #expect(captured.all.last == "\r\u{1B}[K")
    }

    @Test("progress elsewhere becomes a log line every interval")
    func loggedProgress() {
        let captured = Captured()
        let logger = Logger(label: "sluice") {
            SluiceLogHandler(label: $0, level: .info, format: .text, sink: captured.sink(isTerminal: false))
        }
        let output = ProgressOutput(sink: LineSink(isTerminal: false) { _ in }, logInterval: 0)
        let progress = ProgressReporter(label: "listing", total: nil, unit: .items, output: output, logger: logger)
        progress.advance(by: 1_234_567)
        progress.finish()
        #expect(captured.all.first?.contains("listing: 1,234,567") == true)
        #expect(captured.all.last?.contains("listing: done") == true)
    }
}
