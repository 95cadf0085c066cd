import SluiceCQL

/// One row: every column's serialized value (nil for null), and its clustering values decoded for
/// ordering.
struct StoredRow: Sendable {
    var cells: [[UInt8]?]
    var clustering: [CQLValue?]
}

/// One partition: its token and rows in clustering order.
struct Partition: Sendable {
    var token: Int64
    var rows: [StoredRow]
}
