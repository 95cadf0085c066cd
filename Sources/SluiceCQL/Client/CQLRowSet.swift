import NIOCore

/// One page of a SELECT's rows with their columns, and the state to fetch the next page.
public struct CQLRowSet: Sendable {
    public var columns: [CQLColumnSpec]
    public var rows: [[ByteBuffer?]]
    /// Present when more pages follow.
    public var pagingState: [UInt8]?

    public init(columns: [CQLColumnSpec], rows: [[ByteBuffer?]], pagingState: [UInt8]?) {
        self.columns = columns
        self.rows = rows
        self.pagingState = pagingState
    }

    /// A result's rows; other results (a write's void) have none.
    init(_ result: CQLResult, columns fallback: [CQLColumnSpec]) {
        guard case .rows(let metadata, let rows) = result else {
            self.init(columns: [], rows: [], pagingState: nil)
            return
        }
        // EXECUTE may skip the metadata: the prepared statement's columns stand in.
        self.init(
            columns: metadata.columns.isEmpty ? fallback : metadata.columns, rows: rows,
            pagingState: metadata.pagingState)
    }

    /// The index of the column called `name`.
    public func column(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// Row `row`'s value in column `name`, decoded by the column's type; nil for null.
    public func value(_ row: Int, _ name: String) throws -> CQLValue? {
        guard let index = column(name) else { throw CQLClientError.noSuchColumn(name, columns.map(\.name)) }
        return try value(row, index)
    }

    public func value(_ row: Int, _ column: Int) throws -> CQLValue? {
        guard let cell = rows[row][column] else { return nil }
        return try CQLValue.decode(columns[column].type, from: cell)
    }
}
