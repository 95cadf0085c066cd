import SluiceCore

/// A `ParquetPredicate` that does not fit the columns it names: an unknown or nested column, or a
/// literal of a kind the column's type cannot be compared with. A usage error (exit 2).
public struct ParquetPredicateError: SluiceError, Equatable {
    /// The column the predicate names.
    public var column: String
    public var detail: String
    /// The file or dataset, when known.
    public var file: String?

    public init(column: String, _ detail: String, file: String? = nil) {
        self.column = column
        self.detail = detail
        self.file = file
    }

    public var category: FailureCategory { .usage }

    /// `lake/x.parquet: predicate on column "price": …`
    public var description: String {
        (file.map { "\($0): " } ?? "") + "predicate on column \"\(column)\": \(detail)"
    }
}
