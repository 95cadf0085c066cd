import SluiceCore

/// Values as Spark prints them when casting to STRING.
enum SparkText {
    /// Java's `Double.toString`: plain notation with at least one fraction digit for
    /// 10^-3 <= |x| < 10^7 (`1.0`, `0.001`, `1234567.0`), else computerized scientific notation
    /// (`1.0E10`, `1.2345678E-5`); `NaN`, `Infinity`, `-Infinity`, `-0.0`. Digits are the shortest
    /// that round-trip (Swift's, the same as Java 19+).
    static func double<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, exponent) = decompose(value.description)
        let sign = negative ? "-" : ""
        // `exponent` is the power of ten of the first digit.
        if exponent >= -3 && exponent < 7 {
            if exponent >= 0 {
                let integerCount = exponent + 1
                let padded = digits + String(repeating: "0", count: max(0, integerCount - digits.count))
                let integer = padded.prefix(integerCount)
                let fraction = padded.dropFirst(integerCount)
                return sign + integer + "." + (fraction.isEmpty ? "0" : fraction)
            }
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let fraction = digits.dropFirst()
        return sign + digits.prefix(1) + "." + (fraction.isEmpty ? "0" : fraction) + "E\(exponent)"
    }

    /// The sign, significant digits (no leading or trailing zeros) and the power of ten of the first
    /// digit, from Swift's shortest round-trip text (`1.2345678e-05`, `10000000000.0`, `0.001`).
    private static func decompose(_ text: String) -> (negative: Bool, digits: String, exponent: Int) {
        var text = Substring(text)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponentPart = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentPart = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let point = text.firstIndex(of: ".") ?? text.endIndex
        let integerDigits = text.distance(from: text.startIndex, to: point)
        var all = String(text.filter { $0 != "." })
        // Leading zeros move the first digit's position down.
        var leading = 0
        while all.first == "0" {
            all.removeFirst()
            leading += 1
        }
        while all.last == "0" { all.removeLast() }
        if all.isEmpty { all = "0" }
        return (negative, all, integerDigits - 1 - leading + exponentPart)
    }

    /// `yyyy-MM-dd HH:mm:ss[.fraction]` for a UTC instant, the fraction without trailing zeros, as
    /// Spark's cast prints a TIMESTAMP.
    static func timestamp(seconds: Int64, nanos: Int64) -> String {
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        var text = CivilDate(daysSinceEpoch: Int(days)).description + " "
        text += "\((secondOfDay / 3600).zeroPadded(width: 2)):\((secondOfDay / 60 % 60).zeroPadded(width: 2)):"
        text += (secondOfDay % 60).zeroPadded(width: 2)
        if nanos != 0 {
            var fraction = nanos.zeroPadded(width: 9)
            while fraction.last == "0" { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    /// Quotient rounded down and the non-negative remainder.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
