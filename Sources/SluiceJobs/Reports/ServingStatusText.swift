import Foundation
import SluiceServing

/// The text of `sluice status` and of switch and rollback outcomes.
public enum ServingStatusText {
    public static func status(_ statuses: [ServingStatus], job: String) -> String {
        guard !statuses.isEmpty else { return "job \(job) has no save task\n" }
        var output = ""
        for status in statuses {
            output += "\(status.task): \(status.connection):\(status.table)\n"
            if let pointer = status.pointer {
                output += "  active      \(pointer.activeTable) (version \(pointer.version))\n"
                output += "  rows        \(pointer.rowCount)\n"
                output += "  loaded at   \(time(pointer.loadedAt))\n"
                output += "  switched at \(time(pointer.switchedAt))\n"
                output += "  source run  \(pointer.sourceRun)\n"
            } else {
                output += "  active      none (no load has been switched in yet)\n"
            }
            if let inactive = status.inactive {
                let phase = inactive.phase == .ready ? "previous load, can roll back to" : "load under way or abandoned"
                output += "  inactive    \(inactive.physicalTable): \(inactive.sourceRun) (\(phase))\n"
            }
            let newest = status.newestResult ?? "none"
            output += "  newest result \(newest)\(status.newerResultWaiting ? " (waiting to be loaded)" : "")\n"
            for note in status.notes { output += "  note        \(note)\n" }
        }
        return output
    }

    public static func outcome(_ outcome: SwitchOutcome, table: String) -> String {
        switch outcome {
        case .upToDate(let pointer):
            return
                "\(table) already serves \(pointer.sourceRun) from \(pointer.activeTable) (version \(pointer.version))\n"
        case .switched(let pointer, let previous):
            let from = previous.map { " (was \($0.activeTable), version \($0.version))" } ?? ""
            return "\(table) now serves \(pointer.sourceRun) from \(pointer.activeTable), version \(pointer.version), "
                + "\(pointer.rowCount) rows\(from)\n"
        }
    }

    private static func time(_ date: Date) -> String { date.formatted(.iso8601) }
}
