/// One value of a DuckDB oracle answer, as `Oracle/duckdb_oracle.py` prints it: the JSON that
/// `sluice query --format jsonl` writes for the same value (decimals, dates, timestamps and binary
/// are text; NaN and the infinities are the text "NaN", "Infinity", "-Infinity").
enum OracleValue: Sendable, Hashable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A JSON number that is not an Int64 (a float, or an integer beyond Int64 such as a HUGEINT sum).
    case number(Double)
    case text(String)
    case list([OracleValue])
    case object([String: OracleValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let value = try? container.decode([OracleValue].self) {
            self = .list(value)
        } else {
            self = .object(try container.decode([String: OracleValue].self))
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .text(let value): return "\"\(value)\""
        case .list(let values): return "[" + values.map(\.description).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}
