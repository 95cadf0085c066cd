import SluiceCore

/// One bound window function: what it computes over its window, and its result type.
public struct WindowFunctionCall: Sendable, Hashable, CustomStringConvertible {
    /// The functions a window can compute.
    public enum Function: Sendable, Hashable {
        case rowNumber
        case rank
        case denseRank
        case percentRank
        case cumeDist
        /// `ntile(buckets)`: the bucket number, 1 to `buckets`, the first `rows % buckets` buckets one row larger.
        case ntile(Int)
        /// `lag(value, offset, default)`: the value `offset` rows before (a negative offset looks after).
        case lag(offset: Int)
        case lead(offset: Int)
        case firstValue
        case lastValue
        /// An aggregate over the frame: count, sum, avg, min or max (never DISTINCT).
        case aggregate(AggregateCall)
    }

    public var function: Function
    /// The value argument of lag, lead, first_value and last_value (an aggregate keeps its own).
    public var argument: BoundExpression?
    /// The default of lag and lead, of the argument's type; nil means null.
    public var defaultValue: BoundExpression?
    /// `IGNORE NULLS`: lag, lead, first_value and last_value skip null values.
    public var ignoresNulls: Bool
    public var window: WindowDefinition
    public var resultType: DataType

    /// Whether the function depends only on row positions and peers, not on a frame.
    var isRanking: Bool {
        switch function {
        case .rowNumber, .rank, .denseRank, .percentRank, .cumeDist, .ntile, .lag, .lead: return true
        case .firstValue, .lastValue, .aggregate: return false
        }
    }

    /// The input columns the call reads.
    var columnIndices: Set<Int> {
        var indices = window.columnIndices
        for expression in [argument, defaultValue, aggregateArgument] {
            if let expression { indices.formUnion(expression.columnIndices) }
        }
        return indices
    }

    private var aggregateArgument: BoundExpression? {
        if case .aggregate(let call) = function { return call.argument }
        return nil
    }

    /// The call with every column index `i` replaced by `mapping[i]`.
    func remappingColumns(_ mapping: [Int: Int]) -> WindowFunctionCall {
        var call = self
        call.argument = argument?.remappingColumns(mapping)
        call.defaultValue = defaultValue?.remappingColumns(mapping)
        if case .aggregate(var aggregate) = function {
            aggregate.argument = aggregate.argument?.remappingColumns(mapping)
            call.function = .aggregate(aggregate)
        }
        call.window = window.remappingColumns(mapping)
        return call
    }

    public var description: String {
        let name: String
        switch function {
        case .rowNumber: name = "row_number()"
        case .rank: name = "rank()"
        case .denseRank: name = "dense_rank()"
        case .percentRank: name = "percent_rank()"
        case .cumeDist: name = "cume_dist()"
        case .ntile(let buckets): name = "ntile(\(buckets))"
        case .lag(let offset), .lead(let offset):
            let function = if case .lag = function { "lag" } else { "lead" }
            let defaultText = defaultValue.map { ", \($0)" } ?? ""
            name = "\(function)(\(argument.map(\.description) ?? ""), \(offset)\(defaultText))"
        case .firstValue: name = "first_value(\(argument.map(\.description) ?? ""))"
        case .lastValue: name = "last_value(\(argument.map(\.description) ?? ""))"
        case .aggregate(let call): name = call.description
        }
        return name + (ignoresNulls ? " IGNORE NULLS" : "") + " OVER (\(window))"
    }
}

/// PARTITION BY, ORDER BY and the frame of a bound window.
public struct WindowDefinition: Sendable, Hashable, CustomStringConvertible {
    public var partitionBy: [BoundExpression]
    public var orderBy: [SortExpression]
    /// The frame of aggregates, first_value and last_value, Spark's default filled in.
    public var frame: BoundWindowFrame

    var columnIndices: Set<Int> {
        var indices = Set<Int>()
        for expression in partitionBy + orderBy.map(\.expression) { indices.formUnion(expression.columnIndices) }
        return indices
    }

    func remappingColumns(_ mapping: [Int: Int]) -> WindowDefinition {
        var window = self
        window.partitionBy = partitionBy.map { $0.remappingColumns(mapping) }
        window.orderBy = orderBy.map {
            SortExpression(
                expression: $0.expression.remappingColumns(mapping), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
        }
        return window
    }

    public var description: String {
        var parts: [String] = []
        if !partitionBy.isEmpty {
            parts.append("PARTITION BY " + partitionBy.map(\.description).joined(separator: ", "))
        }
        if !orderBy.isEmpty { parts.append("ORDER BY " + orderBy.map(\.description).joined(separator: ", ")) }
        parts.append(frame.description)
        return parts.joined(separator: " ")
    }
}

/// `ROWS|RANGE BETWEEN start AND end` with constant offsets. RANGE frames bound by CURRENT ROW
/// include the row's peers (rows with equal ORDER BY values).
public struct BoundWindowFrame: Sendable, Hashable, CustomStringConvertible {
    public enum Bound: Sendable, Hashable, CustomStringConvertible {
        case unboundedPreceding
        case preceding(Int)
        case currentRow
        case following(Int)
        case unboundedFollowing

        public var description: String {
            switch self {
            case .unboundedPreceding: return "UNBOUNDED PRECEDING"
            case .preceding(let rows): return "\(rows) PRECEDING"
            case .currentRow: return "CURRENT ROW"
            case .following(let rows): return "\(rows) FOLLOWING"
            case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
            }
        }
    }

    public var isRange: Bool
    public var start: Bound
    public var end: Bound

    /// The whole partition.
    static let partition = BoundWindowFrame(isRange: false, start: .unboundedPreceding, end: .unboundedFollowing)
    /// Spark's default with ORDER BY: the rows up to the current one and its peers.
    static let upToPeers = BoundWindowFrame(isRange: true, start: .unboundedPreceding, end: .currentRow)

    public var description: String { "\(isRange ? "RANGE" : "ROWS") BETWEEN \(start) AND \(end)" }
}

/// A window function and the name of the column it produces.
public struct NamedWindowFunction: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var call: WindowFunctionCall

    public var description: String { "\(call) AS \(name)" }
}
