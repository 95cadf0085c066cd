import SluiceCore

/// How a join combines its sides: the kind, the equi-keys (each side's keys over that side's own
/// columns, pairwise of one type) and the residual predicate over the joined row (the left columns,
/// then the right ones). Without keys every pair of rows is a candidate (CROSS, or ON without an
/// equality between the sides).
public struct LogicalJoin: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case inner = "Inner"
        case left = "LeftOuter"
        case right = "RightOuter"
        case full = "FullOuter"
        case leftSemi = "LeftSemi"
        case leftAnti = "LeftAnti"

        /// Semi and anti joins output only the left side's columns.
        var outputsRight: Bool { self != .leftSemi && self != .leftAnti }
    }

    public var kind: Kind
    public var leftKeys: [BoundExpression]
    public var rightKeys: [BoundExpression]
    public var residual: BoundExpression?

    /// The output schema for inputs `left` and `right`: a side an outer join pads with nulls becomes
    /// nullable.
    func schema(_ left: Schema, _ right: Schema) -> Schema {
        func padded(_ schema: Schema, _ isPadded: Bool) -> [Field] {
            schema.fields.map { isPadded ? Field($0.name, $0.dataType) : $0 }
        }
        guard kind.outputsRight else { return left }
        return Schema(
            padded(left, kind == .right || kind == .full) + padded(right, kind == .left || kind == .full))
    }

    public var description: String {
        let keys = zip(leftKeys, rightKeys).map { "\($0) = \($1)" }
        let residualText = residual.map { " residual=\($0)" } ?? ""
        return "\(kind.rawValue) keys=[\(keys.joined(separator: ", "))]\(residualText)"
    }
}
