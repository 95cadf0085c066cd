/// What a bulk write did: rows written, rows that failed (with the first errors), and retries.
public struct CQLBulkWriteReport: Sendable, CustomStringConvertible {
    /// How many first errors are kept.
    public static let keptErrors = 10

    public var written = 0
    public var failed = 0
    public var retries = 0
    /// The first errors, each with the position of its row in the input.
    public var firstErrors: [(row: Int, error: String)] = []

    public init() {}

    public var description: String {
        var text = "\(written) written, \(failed) failed, \(retries) retries"
        for (row, error) in firstErrors { text += "\n  row \(row): \(error)" }
        return text
    }
}
