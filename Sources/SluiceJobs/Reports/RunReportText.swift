import Foundation
import SluiceCore

/// The text `sluice run` (with and without `--dry-run`) and `sluice runs` print.
public enum RunReportText {
    public static func plan(_ plan: RunPlan) -> String {
        var text = "\(plan.job) for \(plan.date), run \(plan.runID) (dry run: nothing is written)\n"
        for (index, entry) in plan.entries.enumerated() {
            let after = entry.after.isEmpty ? "" : ", after \(entry.after.joined(separator: ", "))"
            text += "\n\(index + 1). \(entry.task) (\(entry.kind)\(after))\n"
            let width = entry.steps.map(\.action.count).max() ?? 0
            for step in entry.steps {
                text += "   \(step.action.padding(toLength: width, withPad: " ", startingAt: 0))  \(step.detail)\n"
            }
        }
        return text
    }

    public static func summary(_ report: RunReport) -> String {
        var text = "\(report.job) for \(report.date), run \(report.runID)\n"
        for record in report.records {
            text += "  \(record.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(record.task)"
            text += "  \(duration(record.duration))"
            if record.outcome == .succeeded { text += "  rows in \(record.rowsIn), out \(record.rowsOut)" }
            text += "\n"
        }
        return text
    }

    /// The newest `limit` records, newest last.
    public static func history(_ records: [RunRecord], job: String, limit: Int) -> String {
        guard !records.isEmpty else { return "no runs of \(job) recorded yet\n" }
        var table = TextTable(header: [
            "STARTED", "DATE", "RUN ID", "TASK", "OUTCOME", "TIME", "ROWS IN", "ROWS OUT", "ERROR",
        ])
        for record in records.suffix(limit) {
            table.append([
                UTCTimestamp.iso8601(record.startedAt), record.logicalDate, record.runID, record.task,
                record.outcome.rawValue, duration(record.duration), String(record.rowsIn), String(record.rowsOut),
                record.error.map { $0.count > 80 ? String($0.prefix(77)) + "..." : $0 } ?? "",
            ])
        }
        return table.rendered
    }

    static func duration(_ seconds: TimeInterval) -> String {
        if seconds < 60 { return ByteCountText.fixed(seconds, seconds < 10 ? 2 : 1) + "s" }
        let whole = Int(seconds.rounded())
        return whole < 3600 ? "\(whole / 60)m\(whole % 60)s" : "\(whole / 3600)h\(whole / 60 % 60)m"
    }
}
