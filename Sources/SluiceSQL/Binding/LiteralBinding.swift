import SluiceCompute
import SluiceCore

/// Spark's types for literals: an unsuffixed integer is INT, BIGINT or DECIMAL by size; `1.50` is
/// DECIMAL(3, 2); `1e3` is DOUBLE; `DATE '…'` and `TIMESTAMP '…'` are checked now.
enum LiteralBinding {
    static func scalar(_ literal: Literal, at location: SourceLocation) throws -> Scalar {
        switch literal {
        case .null: return .null(.int32)
        case .boolean(let value): return .boolean(value)
        case .string(let value): return .string(value)
        case .number(let number): return try numeric(number, at: location)
        case .date(let text): return try castText(text, to: .date32, at: location)
        case .timestamp(let text):
            return try castText(text, to: .timestamp(.microsecond, timezone: "UTC"), at: location)
        case .timestampNTZ(let text):
            return try castText(text, to: .timestamp(.microsecond, timezone: nil), at: location)
        case .interval: throw SQLAnalysisError("INTERVAL literals are not supported yet", at: location)
        }
    }

    private static func castText(_ text: String, to type: DataType, at location: SourceLocation) throws -> Scalar {
        do {
            return try cast(Scalar.string(text), to: type)
        } catch {
            throw SQLAnalysisError("invalid \(type) literal '\(text)'", at: location)
        }
    }

    private static func numeric(_ number: NumericLiteral, at location: SourceLocation) throws -> Scalar {
        let invalid = SQLAnalysisError("the number \(number.sql) does not fit its type", at: location)
        switch number.kind {
        case .integer:
            if let value = Int32(number.text) { return .int32(value) }
            if let value = Int64(number.text) { return .int64(value) }
            return try decimal(number.text, invalid: invalid)
        case .tinyint:
            guard let value = Int8(number.text) else { throw invalid }
            return .int8(value)
        case .smallint:
            guard let value = Int16(number.text) else { throw invalid }
            return .int16(value)
        case .bigint:
            guard let value = Int64(number.text) else { throw invalid }
            return .int64(value)
        case .decimal:
            return try decimal(number.text, invalid: invalid)
        case .double:
            guard let value = Double(number.text) else { throw invalid }
            return .float64(value)
        case .float:
            guard let value = Float(number.text) else { throw invalid }
            return .float32(value)
        }
    }

    /// `12.50` → unscaled 1250, precision 4, scale 2.
    private static func decimal(_ text: String, invalid: SQLAnalysisError) throws -> Scalar {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !text.contains(where: { $0 == "e" || $0 == "E" }) else { throw invalid }
        let integral = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        var digits = (integral + fraction).drop { $0 == "0" }
        if digits.isEmpty { digits = "0" }
        guard digits.count <= 38, let unscaled = Int128(String(digits)) else { throw invalid }
        let precision = max(digits.count, fraction.count, 1)
        return try .decimal(unscaled, precision: precision, scale: fraction.count)
    }
}
