import Foundation

/// A value passed to Spark as a SQL parameter (`:name` in the query).
public enum SparkLiteral: Sendable, Hashable {
    case null
    case boolean(Bool)
    case long(Int64)
    case double(Double)
    case string(String)
    /// Days since 1970-01-01.
    case date(Int32)

    var proto: Spark_Connect_Expression.Literal {
        var literal = Spark_Connect_Expression.Literal()
        switch self {
        case .null:
            var type = Spark_Connect_DataType()
            type.null = .init()
            literal.null = type
        case .boolean(let value): literal.boolean = value
        case .long(let value): literal.long = value
        case .double(let value): literal.double = value
        case .string(let value): literal.string = value
        case .date(let value): literal.date = value
        }
        return literal
    }
}
