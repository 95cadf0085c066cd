/// The words the parser gives a meaning to. Only the `isReserved` ones are refused as unquoted
/// names; the others (`date`, `year`, `first`, `range`, …) stay usable as column names, as in Spark.
public enum Keyword: String, Sendable, Hashable, CaseIterable {
    case all = "ALL"
    case and = "AND"
    case anti = "ANTI"
    case `as` = "AS"
    case asc = "ASC"
    case between = "BETWEEN"
    case by = "BY"
    case `case` = "CASE"
    case cast = "CAST"
    case cross = "CROSS"
    case current = "CURRENT"
    case currentDate = "CURRENT_DATE"
    case currentTimestamp = "CURRENT_TIMESTAMP"
    case date = "DATE"
    case desc = "DESC"
    case distinct = "DISTINCT"
    case div = "DIV"
    case `else` = "ELSE"
    case end = "END"
    case escape = "ESCAPE"
    case except = "EXCEPT"
    case exists = "EXISTS"
    case `false` = "FALSE"
    case filter = "FILTER"
    case first = "FIRST"
    case following = "FOLLOWING"
    case from = "FROM"
    case full = "FULL"
    case group = "GROUP"
    case having = "HAVING"
    case ilike = "ILIKE"
    case ignore = "IGNORE"
    case `in` = "IN"
    case inner = "INNER"
    case intersect = "INTERSECT"
    case interval = "INTERVAL"
    case `is` = "IS"
    case join = "JOIN"
    case last = "LAST"
    case left = "LEFT"
    case like = "LIKE"
    case limit = "LIMIT"
    case minus = "MINUS"
    case natural = "NATURAL"
    case not = "NOT"
    case null = "NULL"
    case nulls = "NULLS"
    case offset = "OFFSET"
    case on = "ON"
    case or = "OR"
    case order = "ORDER"
    case outer = "OUTER"
    case over = "OVER"
    case partition = "PARTITION"
    case preceding = "PRECEDING"
    case range = "RANGE"
    case regexp = "REGEXP"
    case respect = "RESPECT"
    case right = "RIGHT"
    case rlike = "RLIKE"
    case row = "ROW"
    case rows = "ROWS"
    case select = "SELECT"
    case semi = "SEMI"
    case then = "THEN"
    case timestamp = "TIMESTAMP"
    case timestampLTZ = "TIMESTAMP_LTZ"
    case timestampNTZ = "TIMESTAMP_NTZ"
    case `true` = "TRUE"
    case tryCast = "TRY_CAST"
    case unbounded = "UNBOUNDED"
    case union = "UNION"
    case unknown = "UNKNOWN"
    case using = "USING"
    case values = "VALUES"
    case when = "WHEN"
    case `where` = "WHERE"
    case window = "WINDOW"
    case with = "WITH"

    /// Words that can never be an unquoted table, column or alias name here, because the grammar
    /// could not tell them from the clause or operator they start (`FROM t LEFT JOIN u`).
    public var isReserved: Bool {
        switch self {
        case .all, .and, .anti, .as, .between, .by, .case, .cross, .distinct, .div, .else, .end, .except,
            .exists, .false, .from, .full, .group, .having, .ilike, .in, .inner, .intersect, .is, .join, .left,
            .like, .limit, .minus, .natural, .not, .null, .on, .or, .order, .outer, .regexp, .right, .rlike,
            .select, .semi, .then, .true, .union, .using, .when, .where, .window, .with:
            return true
        case .asc, .cast, .current, .currentDate, .currentTimestamp, .date, .desc, .escape, .filter, .first,
            .following, .ignore, .interval, .last, .nulls, .offset, .over, .partition, .preceding, .range, .respect,
            .row, .rows, .timestamp, .timestampLTZ, .timestampNTZ, .tryCast, .unbounded, .unknown, .values:
            return false
        }
    }

    /// The keyword `word` spells, ignoring case.
    public init?(word: some StringProtocol) {
        guard word.utf8.count <= Self.longestSpelling, let keyword = Self.bySpelling[word.uppercased()] else {
            return nil
        }
        self = keyword
    }

    private static let bySpelling: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    private static let longestSpelling = allCases.map(\.rawValue.utf8.count).max() ?? 0
}
