import SluiceCore

/// One condition of a predicate, its literals converted to the column's `OrderedValue`s. A nil
/// value is a literal without an exact value in the column's type: it may match anything.
enum ConditionTest: Sendable, Hashable {
    case compare(ComparisonOperator, OrderedValue?)
    case isIn([OrderedValue?])
    case isNull
    case isNotNull

    /// The test of the single condition `predicate` (not an `and`) on a column of `dataType`.
    ///
    /// - Throws: `ParquetPredicateError` for a literal the type cannot be compared with.
    init(_ predicate: ParquetPredicate, dataType: DataType) throws(ParquetPredicateError) {
        switch predicate {
        case .compare(let column, let comparison, let literal):
            self = .compare(comparison, try Self.value(literal, dataType, column))
        case .isIn(let column, let literals):
            var values: [OrderedValue?] = []
            for literal in literals { values.append(try Self.value(literal, dataType, column)) }
            self = .isIn(values)
        case .isNull:
            self = .isNull
        case .isNotNull:
            self = .isNotNull
        case .and:
            // Callers bind `conjuncts`, which hold no `and`.
            throw ParquetPredicateError(column: predicate.description, "a conjunction is not a single condition")
        }
    }

    private static func value(_ literal: PredicateLiteral, _ dataType: DataType, _ column: String)
        throws(ParquetPredicateError) -> OrderedValue?
    {
        switch LiteralConversion(literal, to: dataType) {
        case .exact(let value): return value
        case .inexact: return nil
        case .incompatible:
            throw ParquetPredicateError(
                column: column,
                "the column is \(dataType); \(literal) is \(literal.kindName), which cannot be compared with it")
        }
    }
}
