import SluiceCQL

/// `SET c = c + x` and `c = c - x`: counters add; lists append or remove elements; sets take a
/// union or difference; maps merge or drop keys.
enum CollectionUpdate {
    static func apply(_ op: Character, _ current: CQLValue?, _ operand: CQLValue?, column: ColumnDefinition)
        throws(CQLServerError) -> CQLValue?
    {
        let adding = op == "+"
        switch (column.type, current, operand) {
        case (.counter, _, .bigint(let delta)?):
            guard case .counter(let value)? = current else { return .counter(adding ? delta : -delta) }
            return .counter(adding ? value &+ delta : value &- delta)
        case (.list, _, .list(let elements)?):
            guard case .list(let existing)? = current else { return adding ? .list(elements) : nil }
            let result =
                adding
                ? existing + elements
                : existing.filter { value in !elements.contains { CQLValueOrder.compare($0, value) == 0 } }
            return result.isEmpty ? nil : .list(result)
        case (.set, _, .set(let elements)?):
            guard case .set(let existing)? = current else { return adding ? .set(elements) : nil }
            let result =
                adding
                ? TermConverter.sortedUnique(existing + elements)
                : existing.filter { value in !elements.contains { CQLValueOrder.compare($0, value) == 0 } }
            return result.isEmpty ? nil : .set(result)
        case (.map, _, .map(let entries)?) where adding:
            guard case .map(let existing)? = current else { return .map(entries) }
            var merged = existing.filter { old in !entries.contains { CQLValueOrder.compare($0.key, old.key) == 0 } }
            merged += entries
            merged.sort { CQLValueOrder.compare($0.key, $1.key) < 0 }
            return .map(merged)
        case (.map, _, .set(let keys)?) where !adding:
            guard case .map(let existing)? = current else { return nil }
            let kept = existing.filter { entry in !keys.contains { CQLValueOrder.compare($0, entry.key) == 0 } }
            return kept.isEmpty ? nil : .map(kept)
        default:
            throw CQLServerError.invalid(
                "Invalid operation (\(column.name) = \(column.name) \(op) ?) for \(column.type) column \(column.name)")
        }
    }
}
