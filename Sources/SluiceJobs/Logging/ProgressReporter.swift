import Foundation
import Logging
import SluiceCore
import Synchronization

/// Where progress goes: a live, rewritten line on a terminal; otherwise a log line every few
/// seconds (Airflow's task log is not a terminal).
public struct ProgressOutput: Sendable {
    public var sink: LineSink
    /// Seconds between log lines when the sink is not a terminal.
    public var logInterval: Double
    /// Seconds between redraws of the live line.
    public var redrawInterval: Double

    public init(sink: LineSink, logInterval: Double = 5, redrawInterval: Double = 0.1) {
        self.sink = sink
        self.logInterval = logInterval
        self.redrawInterval = redrawInterval
    }

    public static var standardError: ProgressOutput { ProgressOutput(sink: .standardError) }
}

/// Reports progress on one long piece of work. Safe to advance from several tasks at once.
public final class ProgressReporter: Sendable {
    public enum Unit: Sendable {
        case items
        case rows
        case bytes
    }

    private struct State {
        var done: Int64 = 0
        var lastEmit: ContinuousClock.Instant
        var drewLine = false
        var finished = false
    }

    private let label: String
    private let total: Int64?
    private let unit: Unit
    private let output: ProgressOutput
    private let logger: Logger
    private let started = ContinuousClock.now
    private let state: Mutex<State>

    public init(label: String, total: Int64?, unit: Unit, output: ProgressOutput, logger: Logger) {
        self.label = label
        self.total = total
        self.unit = unit
        self.output = output
        self.logger = logger
        self.state = Mutex(State(lastEmit: ContinuousClock.now))
    }

    public func advance(by amount: Int64) {
        let now = ContinuousClock.now
        let interval = output.sink.isTerminal ? output.redrawInterval : output.logInterval
        let snapshot: Int64? = state.withLock { state in
            state.done += amount
            guard !state.finished, now - state.lastEmit >= .seconds(interval) else { return nil }
            state.lastEmit = now
            state.drewLine = state.drewLine || output.sink.isTerminal
            return state.done
        }
        if let snapshot { emit(snapshot, at: now) }
    }

    /// Ends the report; clears the live line. Long work also gets a final log line.
    public func finish() {
        let (done, drewLine) = state.withLock { state in
            state.finished = true
            return (state.done, state.drewLine)
        }
        if drewLine { output.sink.write("\r\u{1B}[K") }
        if ContinuousClock.now - started >= .seconds(output.logInterval) {
            logger.info("\(label): done", metadata: ["count": "\(format(done))"])
        }
    }

    /// `1,234 / 5,000 rows (24.7%), 812 rows/s`
    public func summary(_ done: Int64, elapsed: Duration) -> String {
        var text = format(done)
        if let total, total > 0 {
            text += " / \(format(total)) (\(ByteCountText.fixed(Double(done) * 100 / Double(total), 1))%)"
        }
        let seconds = elapsed.inSeconds
        if seconds > 0 {
            let rate = Int64(Double(done) / seconds)
            text += ", " + (unit == .bytes ? "\(ByteCountText.format(rate))/s" : "\(Self.grouped(rate))/s")
        }
        return text
    }

    private func emit(_ done: Int64, at now: ContinuousClock.Instant) {
        let text = summary(done, elapsed: now - started)
        if output.sink.isTerminal {
            output.sink.write("\r\u{1B}[K\(label): \(text)")
        } else {
            logger.info("\(label): \(text)")
        }
    }

    private func format(_ value: Int64) -> String {
        switch unit {
        case .bytes: return ByteCountText.format(value)
        case .rows: return "\(Self.grouped(value)) rows"
        case .items: return Self.grouped(value)
        }
    }

    /// `1234567` → `1,234,567`
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
