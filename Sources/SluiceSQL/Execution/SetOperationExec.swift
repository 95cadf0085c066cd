import SluiceCompute
import SluiceCore

/// EXCEPT and INTERSECT: counts the right input's distinct rows in a `GroupTable` (nulls equal), then
/// streams the left input and keeps each row by its row's remaining count, which the kept and
/// dropped rows use up (`SetOperationKind` says how).
struct SetOperationExec: PhysicalOperator {
    let left: any PhysicalOperator
    let right: any PhysicalOperator
    let kind: SetOperationKind

    var schema: Schema { left.schema }
    var inputs: [any PhysicalOperator] { [left, right] }
    var label: String { "SetOperation \(kind.rawValue)" }

    func open() async throws -> any BatchStream {
        var table = GroupTable()
        var counts: [Int] = []
        var source = try await right.open()
        while let batch = try await source.next() {
            for group in try table.groupNumbers(for: batch.columns) {
                if group == counts.count { counts.append(0) }
                counts[group] += 1
            }
        }
        return Stream(probe: try await left.open(), table: table, counts: counts, kind: kind)
    }

    struct Stream: BatchStream {
        var probe: any BatchStream
        var table: GroupTable
        /// Per group: the right rows not yet used up; -1 once EXCEPT DISTINCT has given the row.
        var counts: [Int]
        let kind: SetOperationKind

        mutating func next() async throws -> RecordBatch? {
            while let batch = try await probe.next() {
                let groups = try table.groupNumbers(for: batch.columns)
                var kept: [Int] = []
                for (row, group) in groups.enumerated() {
                    // A left row the right input does not have starts a group of its own.
                    if group == counts.count { counts.append(0) }
                    if keeps(&counts[group]) { kept.append(row) }
                }
                if !kept.isEmpty { return try batch.take(kept) }
            }
            return nil
        }

        /// Whether the next left row of a group with `count` remaining right rows is output, using
        /// the count up.
        private func keeps(_ count: inout Int) -> Bool {
            switch kind {
            case .exceptDistinct:
                defer { count = -1 }
                return count == 0
            case .intersectDistinct:
                defer { count = 0 }
                return count > 0
            case .exceptAll:
                guard count > 0 else { return true }
                count -= 1
                return false
            case .intersectAll:
                guard count > 0 else { return false }
                count -= 1
                return true
            }
        }
    }
}
