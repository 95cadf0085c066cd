import SluiceCore

/// Rows written in the query (`VALUES (1, 'a'), (2, 'b')`): each row holds one expression per column,
/// constant and already cast to the column's type.
public struct LocalRelation: Sendable, CustomStringConvertible {
    public var schema: Schema
    public var rows: [[BoundExpression]]

    public var description: String {
        "LocalRelation [\(schema.fields.map(\.name).joined(separator: ", "))] rows=\(rows.count)"
    }

    /// The relation with only the columns at `indices`, in that order.
    func selecting(_ indices: [Int]) -> LocalRelation {
        LocalRelation(
            schema: Schema(indices.map { schema.fields[$0] }), rows: rows.map { row in indices.map { row[$0] } })
    }
}
