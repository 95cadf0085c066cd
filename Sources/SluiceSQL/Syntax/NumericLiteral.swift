/// A number as written, minus its type suffix. The digits stay text so the binder can pick Spark's
/// type (an unsuffixed integer is INT, BIGINT or DECIMAL depending on its size) without loss.
public struct NumericLiteral: Sendable, Hashable {
    /// Spark's literal types, chosen by the suffix or the shape of the number.
    public enum Kind: Sendable, Hashable {
        /// Digits only, no suffix: INT if it fits, else BIGINT, else DECIMAL.
        case integer
        /// `1Y`
        case tinyint
        /// `1S`
        case smallint
        /// `1L`
        case bigint
        /// A point and no exponent (`1.50`, `.5`), or the `BD` suffix.
        case decimal
        /// An exponent without suffix (`1e3`), or the `D` suffix.
        case double
        /// `1.5F`
        case float
    }

    /// The digits, point and exponent as written (`1.50`, `1e3`, `.5`).
    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) {
        self.text = text
        self.kind = kind
    }

    /// The literal as Spark reads it back with the same type: `1L`, `1.5D`, `1e3`, `2BD`, `1.50`.
    public var sql: String {
        let hasPoint = text.utf8.contains(UInt8(ascii: "."))
        let hasExponent = text.utf8.contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        switch kind {
        case .integer: return text
        case .tinyint: return text + "Y"
        case .smallint: return text + "S"
        case .bigint: return text + "L"
        case .float: return text + "F"
        case .double: return hasExponent ? text : text + "D"
        case .decimal: return hasPoint && !hasExponent ? text : text + "BD"
        }
    }
}
