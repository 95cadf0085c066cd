/// The rows of a SELECT, page by page: the next page is fetched when the current one runs out.
public struct CQLRowSequence: AsyncSequence, Sendable {
    public typealias Element = CQLRow

    let client: CQLClient
    let statement: CQLClient.Statement
    let values: [CQLBoundValue]
    let options: CQLStatementOptions

    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: CQLRowSequence
        var page: CQLRowSet?
        var index = 0
        var finished = false

        public mutating func next() async throws -> CQLRow? {
            while true {
                if let page, index < page.rows.count {
                    index += 1
                    return CQLRow(page: page, index: index - 1)
                }
                if finished { return nil }
                let pagingState = page?.pagingState
                let token: Int64?
                var columns: [CQLColumnSpec] = []
                if case .execute(let prepared) = sequence.statement {
                    token = prepared.token(for: sequence.values)
                    columns = prepared.statement.resultMetadata.columns
                } else {
                    token = nil
                }
                let result = try await sequence.client.run(
                    sequence.statement, values: sequence.values, pagingState: pagingState, options: sequence.options,
                    token: token)
                let next = CQLRowSet(result, columns: columns)
                finished = next.pagingState == nil
                page = next
                index = 0
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self)
    }
}

/// One row of a `CQLRowSequence`.
public struct CQLRow: Sendable {
    public let page: CQLRowSet
    public let index: Int

    public subscript(_ name: String) -> CQLValue? {
        get throws { try page.value(index, name) }
    }

    public var columns: [CQLColumnSpec] { page.columns }
}
