/// Whether a schema field is required, optional or repeated (parquet.thrift
/// `FieldRepetitionType`).
public enum FieldRepetitionType: Int32, Sendable, Hashable, CaseIterable {
    /// Exactly one value per parent.
    case required = 0
    /// Zero or one value per parent.
    case optional = 1
    /// Zero or more values per parent.
    case repeated = 2
    /// A fixed-size vector group (a recent addition Sluice does not read yet).
    case vector = 3
}
