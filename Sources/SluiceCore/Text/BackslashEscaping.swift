/// Quoted string literals in the backslash-escaping style JSON and Spark SQL share: the quote and
/// `\` escaped, newline, return and tab spelled `\n`, `\r`, `\t`, other controls as `\uXXXX`.
public enum BackslashEscaping {
    /// `text` between two `quote`s, escaped.
    public static func quoted(_ text: String, quote: Unicode.Scalar) -> String {
        var output = String(quote)
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case quote, "\\":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output.unicodeScalars.append(quote)
        return output
    }
}
