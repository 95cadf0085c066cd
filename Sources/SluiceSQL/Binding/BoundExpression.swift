import SluiceCompute
import SluiceCore

/// An expression with its names resolved and types decided: what the evaluator runs. Operands of an
/// operation always have the types its kernel needs (the binder inserts casts), and `dataType` is the
/// type of the result.
///
/// IN, BETWEEN, COALESCE and ABS are bound to the forms below (OR of equalities, a conjunction,
/// CASE), which keep Spark's null semantics and its lazy evaluation of branches.
public indirect enum BoundExpression: Sendable, Hashable, CustomStringConvertible {
    /// The input column at `index`.
    case column(index: Int, name: String, type: DataType)
    case literal(Scalar)
    /// Unary minus (integers fail on overflow under ANSI).
    case negate(BoundExpression)
    case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression, type: DataType)
    case comparison(SluiceCompute.ComparisonOperator, BoundExpression, BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case not(BoundExpression)
    case isNull(BoundExpression, negated: Bool)
    /// The first branch whose condition is true gives the value; `otherwise` (or null) when none is.
    case caseWhen([CaseBranch], otherwise: BoundExpression?, type: DataType)
    case cast(BoundExpression, to: DataType, mode: ErrorMode)
    case function(ScalarFunction, [BoundExpression], type: DataType)

    /// One `WHEN condition THEN value` of a bound CASE.
    public struct CaseBranch: Sendable, Hashable {
        public var condition: BoundExpression
        public var value: BoundExpression
    }

    /// The type of the expression's value.
    public var dataType: DataType {
        switch self {
        case .column(_, _, let type): return type
        case .literal(let scalar): return scalar.dataType
        case .negate(let operand): return operand.dataType
        case .arithmetic(_, _, _, let type), .caseWhen(_, _, let type), .function(_, _, let type): return type
        case .comparison, .and, .or, .not, .isNull: return .boolean
        case .cast(_, let type, _): return type
        }
    }

    /// The input columns the expression reads.
    var columnIndices: Set<Int> {
        var indices = Set<Int>()
        visit { if case .column(let index, _, _) = $0 { indices.insert(index) } }
        return indices
    }

    /// Calls `body` on this node and every node below it.
    func visit(_ body: (BoundExpression) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    var children: [BoundExpression] {
        switch self {
        case .column, .literal: return []
        case .negate(let operand), .not(let operand), .isNull(let operand, _), .cast(let operand, _, _):
            return [operand]
        case .arithmetic(_, let left, let right, _), .comparison(_, let left, let right), .and(let left, let right),
            .or(let left, let right):
            return [left, right]
        case .caseWhen(let branches, let otherwise, _):
            return branches.flatMap { [$0.condition, $0.value] } + (otherwise.map { [$0] } ?? [])
        case .function(_, let arguments, _): return arguments
        }
    }

    /// The expression with every column index `i` replaced by `mapping[i]` (for a narrower input).
    func remappingColumns(_ mapping: [Int: Int]) -> BoundExpression {
        if case .column(let index, let name, let type) = self {
            return .column(index: mapping[index] ?? index, name: name, type: type)
        }
        return mappingChildren { $0.remappingColumns(mapping) }
    }

    /// The same node over `transform`ed children.
    func mappingChildren(_ transform: (BoundExpression) -> BoundExpression) -> BoundExpression {
        switch self {
        case .column, .literal: return self
        case .negate(let operand): return .negate(transform(operand))
        case .arithmetic(let op, let left, let right, let type):
            return .arithmetic(op, transform(left), transform(right), type: type)
        case .comparison(let op, let left, let right): return .comparison(op, transform(left), transform(right))
        case .and(let left, let right): return .and(transform(left), transform(right))
        case .or(let left, let right): return .or(transform(left), transform(right))
        case .not(let operand): return .not(transform(operand))
        case .isNull(let operand, let negated): return .isNull(transform(operand), negated: negated)
        case .caseWhen(let branches, let otherwise, let type):
            return .caseWhen(
                branches.map { CaseBranch(condition: transform($0.condition), value: transform($0.value)) },
                otherwise: otherwise.map(transform), type: type)
        case .cast(let operand, let type, let mode): return .cast(transform(operand), to: type, mode: mode)
        case .function(let function, let arguments, let type):
            return .function(function, arguments.map(transform), type: type)
        }
    }

    /// The conjuncts of nested ANDs, in order.
    var conjuncts: [BoundExpression] {
        if case .and(let left, let right) = self { return left.conjuncts + right.conjuncts }
        return [self]
    }

    /// Plan text: `#2:amount * 2`, `CAST(#0:id AS float64)`.
    public var description: String {
        switch self {
        case .column(let index, let name, _): return "\(name)#\(index)"
        case .literal(let scalar): return scalar.description
        case .negate(let operand): return "-(\(operand))"
        case .arithmetic(let op, let left, let right, _): return "(\(left) \(op.rawValue) \(right))"
        case .comparison(let op, let left, let right): return "(\(left) \(op.rawValue) \(right))"
        case .and(let left, let right): return "(\(left) AND \(right))"
        case .or(let left, let right): return "(\(left) OR \(right))"
        case .not(let operand): return "NOT \(operand)"
        case .isNull(let operand, let negated): return "\(operand) IS \(negated ? "NOT " : "")NULL"
        case .caseWhen(let branches, let otherwise, _):
            let whens = branches.map { "WHEN \($0.condition) THEN \($0.value)" }.joined(separator: " ")
            return "CASE \(whens)\(otherwise.map { " ELSE \($0)" } ?? "") END"
        case .cast(let operand, let type, let mode):
            return "\(mode == .ansi ? "CAST" : "TRY_CAST")(\(operand) AS \(type))"
        case .function(let function, let arguments, _):
            return "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }
}

/// The scalar functions with kernels of their own (others are bound to existing forms).
public enum ScalarFunction: String, Sendable, Hashable {
    case lower
    case upper
    case length
    /// `round(x, scale)` on doubles, HALF_UP as Spark rounds.
    case round
    /// `concat(a, b, …)` and `a || b`: null when any argument is.
    case concat
    /// `value LIKE pattern`: arguments value, pattern (a constant) and the escape character.
    case like
    /// `value ILIKE pattern`: LIKE on the lower-cased value and pattern.
    case ilike
    // String and math
    /// `concat_ws(separator, a, …)`: null arguments are skipped; null only when the separator is.
    case concatWs = "concat_ws"
    /// `trim(s[, characters])`, `ltrim`, `rtrim`: spaces, or any of `characters`, off the ends.
    case trim
    case ltrim
    case rtrim
    /// `substring(s, position, length)`: 1-based, negative positions count from the end.
    case substring
    /// `lpad(s, length, pad)`, `rpad`: padded or cut to `length` characters.
    case lpad
    case rpad
    /// `replace(s, search, replacement)`.
    case replace
    /// `split(s, regex, limit)`: an array of strings.
    case split
    /// `regexp_extract(s, regex, group)`: the group of the first match, or empty.
    case regexpExtract = "regexp_extract"
    /// `regexp_replace(s, regex, replacement)`: every match replaced (`$1` names a group).
    case regexpReplace = "regexp_replace"
    /// `s RLIKE regex` and `regexp_like(s, regex)`: whether the regex matches part of `s`.
    case rlike
    /// `md5(bytes)`, `sha2(bytes, bits)`: lower-case hex digests.
    case md5
    case sha2
    /// `floor(x)`, `ceil(x)` of doubles (to bigint) and decimals (to scale 0).
    case floor
    case ceil
    /// `round(decimal, scale)` with a negative scale: HALF_UP to a multiple of `10^-scale`, at scale 0.
    case decimalRound = "round_decimal"
    /// Double functions: `pow(x, y)` and `power`, `sqrt`, `signum`, `ln`, `log10`, `log2`, `exp`, `log(base, x)`.
    case pow
    case sqrt
    case signum
    case ln
    case log10
    case log2
    case exp
    case log
    /// `greatest(a, b, …)`, `least`: the largest or smallest non-null argument.
    case greatest
    case least
    // Date and time (dates in days, timestamps in microseconds, both at UTC, the session time zone)
    /// `date_add(date, days)`, `date_sub(date, days)`: fail when the result leaves the date range.
    case dateAdd = "date_add"
    case dateSub = "date_sub"
    /// `datediff(end, start)`: the days from start to end.
    case dateDiff = "datediff"
    /// `add_months(date, months)`: the day clamped to the target month's length.
    case addMonths = "add_months"
    /// `last_day(date)`: the last day of the date's month.
    case lastDay = "last_day"
    /// Fields of a date as int: `year`, `quarter`, `month`, `day`, `dayofweek` (1 = Sunday), `dayofyear`.
    case year
    case quarter
    case month
    case dayOfMonth = "dayofmonth"
    case dayOfWeek = "dayofweek"
    case dayOfYear = "dayofyear"
    /// Fields of a timestamp as int.
    case hour
    case minute
    case second
    /// `date_trunc(unit, timestamp)`: null for an unknown unit.
    case dateTrunc = "date_trunc"
    /// `trunc(date, unit)`: YEAR, QUARTER, MONTH or WEEK; null for other units.
    case truncDate = "trunc"
    /// `date_format(timestamp, pattern)`.
    case dateFormat = "date_format"
    /// `to_timestamp(text, pattern)`: fails on text the pattern does not match (CANNOT_PARSE_TIMESTAMP).
    case parseTimestamp = "to_timestamp"
    /// `try_to_timestamp(text, pattern)`: null where `to_timestamp` fails.
    case tryParseTimestamp = "try_to_timestamp"
    /// `unix_timestamp(timestamp)`: whole seconds since the epoch, rounded down.
    case unixSeconds = "unix_timestamp"
    /// `timestamp_seconds(seconds)`.
    case timestampFromSeconds = "timestamp_seconds"
    /// `timestamp ± interval`: arguments timestamp, months (int) and microseconds (bigint).
    case timestampAddInterval = "timestamp_add_interval"

    // Arrays
    /// `sort_array(array, ascending)`: nulls first ascending, last descending.
    case sortArray = "sort_array"
    /// `size(array)`: the element count (null for a null array, as under ANSI).
    case size
    /// `array_contains(array, value)`: null when the array is null, or has no match but a null element.
    case arrayContains = "array_contains"
}
