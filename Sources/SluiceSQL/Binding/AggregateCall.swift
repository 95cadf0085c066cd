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
    }

    public var function: Function
    public var argument: BoundExpression?
    /// `count(DISTINCT x)`: each distinct value once per group.
    public var isDistinct: Bool
    public var resultType: DataType

    public var description: String {
        guard let argument else { return function.rawValue }
        return "\(function.rawValue)(\(isDistinct ? "DISTINCT " : "")\(argument))"
    }
}
