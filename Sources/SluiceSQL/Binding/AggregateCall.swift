import SluiceCore

/// One aggregate of a GROUP BY: its function, argument (nil for `count(*)`) and result type.
public struct AggregateCall: Sendable, Hashable, CustomStringConvertible {
    public enum Function: String, Sendable, Hashable {
        case countAll = "count(*)"
        case count
        case sum
        case avg
        case min
        case max
        /// The first (`first`) or last (`last`) value each group sees, in input order.
        case first
        case last
        /// The group's non-null values as an array (`collect_set`: a DISTINCT collect_list).
        case collectList = "collect_list"
        /// A HyperLogLog estimate of the number of distinct non-null values.
        case approxCountDistinct = "approx_count_distinct"
        /// True when every (`bool_and`) or some (`bool_or`) non-null value is true.
        case boolAnd = "bool_and"
        case boolOr = "bool_or"
    }

    public var function: Function
    public var argument: BoundExpression?
    /// `count(DISTINCT x)`: each distinct value once per group.
    public var isDistinct: Bool
    public var resultType: DataType
    /// `first(x) IGNORE NULLS`, `first(x, true)`: skip null values.
    public var ignoresNulls = false
    /// approx_count_distinct's `relativeSD` (Spark's default 0.05), which decides the sketch's size.
    public var relativeStandardDeviation = 0.05

    public var description: String {
        guard let argument else { return function.rawValue }
        let nulls = ignoresNulls ? " IGNORE NULLS" : ""
        return "\(function.rawValue)(\(isDistinct ? "DISTINCT " : "")\(argument))\(nulls)"
    }
}
