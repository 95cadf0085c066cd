/// What is known about the values of one column in a row group or file: a lower and an upper
/// bound (nil when unknown) and how many of its rows are null (nil when unknown).
struct ValueBounds: Sendable, Hashable {
    var min: OrderedValue?
    var max: OrderedValue?
    var nullCount: Int64?
    /// The number of rows the bounds cover.
    var rowCount: Int64

    /// Whether every row is null (known only with a null count).
    var allNull: Bool { nullCount.map { $0 >= rowCount } ?? false }

    /// Whether a row within these bounds can satisfy `test`.
    func verdict(_ test: ConditionTest) -> PruningVerdict {
        switch test {
        case .isNull:
            return nullCount == 0 || rowCount == 0 ? .cannotMatch : .mayMatch
        case .isNotNull:
            return allNull ? .cannotMatch : .mayMatch
        case .compare(let comparison, let value):
            // A null satisfies no comparison.
            guard !allNull else { return .cannotMatch }
            guard let value else { return .mayMatch }
            return mayHold(comparison, value) ? .mayMatch : .cannotMatch
        case .isIn(let values):
            guard !allNull else { return .cannotMatch }
            let mayMatch = values.contains { value in value.map { mayHold(.equal, $0) } ?? true }
            return mayMatch ? .mayMatch : .cannotMatch
        }
    }

    /// Whether some value between the bounds can satisfy `value <comparison> literal`.
    private func mayHold(_ comparison: ComparisonOperator, _ literal: OrderedValue) -> Bool {
        // Unknown or incomparable bounds decide nothing (nil order).
        let lower = min.flatMap { OrderedValue.order($0, literal) }
        let upper = max.flatMap { OrderedValue.order($0, literal) }
        switch comparison {
        case .equal: return !(lower.map { $0 > 0 } ?? false) && !(upper.map { $0 < 0 } ?? false)
        case .less: return !(lower.map { $0 >= 0 } ?? false)
        case .lessOrEqual: return !(lower.map { $0 > 0 } ?? false)
        case .greater: return !(upper.map { $0 <= 0 } ?? false)
        case .greaterOrEqual: return !(upper.map { $0 < 0 } ?? false)
        }
    }
}
