/// What statistics (or partition values) say about the rows of a row group or file.
public enum PruningVerdict: Sendable, Hashable {
    /// Some row may satisfy the predicate (or nothing is known): the rows must be read.
    case mayMatch
    /// No row can satisfy the predicate: the rows can be skipped.
    case cannotMatch
}
