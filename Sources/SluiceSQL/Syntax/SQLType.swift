/// A type named in the query (`CAST(x AS DECIMAL(18, 2))`), with Spark's synonyms folded:
/// `byte` is tinyint, `long` is bigint, `real` is float, `dec`/`numeric` are decimal.
public indirect enum SQLType: Sendable, Hashable {
    case boolean
    case tinyint
    case smallint
    case int
    case bigint
    case float
    case double
    /// `DECIMAL` alone is `DECIMAL(10, 0)` and `DECIMAL(p)` is `DECIMAL(p, 0)`, as in Spark.
    case decimal(precision: Int, scale: Int)
    case string
    case varchar(Int)
    case char(Int)
    case binary
    case date
    /// With local time zone (`TIMESTAMP`, `TIMESTAMP_LTZ`).
    case timestamp
    case timestampNTZ
    case array(SQLType)
    case map(SQLType, SQLType)
    case `struct`([StructField])

    /// A named field of a struct type.
    public struct StructField: Sendable, Hashable {
        public var name: String
        public var type: SQLType
    }
}
