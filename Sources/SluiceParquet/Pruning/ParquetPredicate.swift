/// A condition on top-level flat columns that lets readers skip data by statistics: a comparison
/// with a literal, `IN`, `IS NULL`, `IS NOT NULL`, or a conjunction of these.
///
/// Readers use it only to skip whole row groups (`ParquetFileReader`) and whole files
/// (`ParquetDataset`, on partition columns) that cannot hold a matching row. They do not filter
/// rows: a batch that is read may still hold rows that do not match, which the caller filters.
///
/// Comparisons follow SQL: a null never satisfies a comparison or `IN`. A literal is converted to
/// the column's type exactly; when it cannot be (an integer too large for a double's 53 bits, a
/// decimal with more digits than the column's scale …) the condition keeps every row group, so
/// pruning never drops a row that could match. A literal of a kind the column cannot be compared
/// with (a string for an integer column) is a `ParquetPredicateError`.
public enum ParquetPredicate: Sendable, Hashable, CustomStringConvertible {
    /// `column <op> literal`.
    case compare(String, ComparisonOperator, PredicateLiteral)
    /// `column IN (literals)`; an empty list matches nothing.
    case isIn(String, [PredicateLiteral])
    case isNull(String)
    case isNotNull(String)
    /// All of the predicates (`AND`); an empty list matches everything.
    case and([ParquetPredicate])

    /// The conditions of the conjunction, nested `and`s flattened, in order.
    public var conjuncts: [ParquetPredicate] {
        switch self {
        case .and(let predicates): return predicates.flatMap(\.conjuncts)
        default: return [self]
        }
    }

    /// The column a single condition names (nil for `and`).
    public var column: String? {
        switch self {
        case .compare(let column, _, _), .isIn(let column, _), .isNull(let column), .isNotNull(let column):
            return column
        case .and:
            return nil
        }
    }

    /// SQL-like text: `id >= 10 AND name IS NOT NULL`.
    public var description: String {
        switch self {
        case .compare(let column, let comparison, let literal): return "\(column) \(comparison) \(literal)"
        case .isIn(let column, let literals):
            return "\(column) IN (\(literals.map(\.description).joined(separator: ", ")))"
        case .isNull(let column): return "\(column) IS NULL"
        case .isNotNull(let column): return "\(column) IS NOT NULL"
        case .and(let predicates):
            return predicates.isEmpty ? "TRUE" : predicates.map(\.description).joined(separator: " AND ")
        }
    }
}
