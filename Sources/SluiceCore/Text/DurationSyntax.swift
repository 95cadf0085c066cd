/// Durations as people write them in configs and options: a number of seconds, or `250ms`,
/// `30s`, `1.5s`, `15m`, `2h`.
public enum DurationSyntax {
    /// Seconds, possibly fractional, or `nil` when the text is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var digits = Substring(text)
        var multiplier = 1.0
        if let unit = units.first(where: { text.hasSuffix($0.suffix) }) {
            digits = digits.dropLast(unit.suffix.count)
            multiplier = unit.seconds
        }
        guard let value = Double(digits), value >= 0, value.isFinite, digits.allSatisfy({ $0.isNumber || $0 == "." })
        else { return nil }
        return value * multiplier
    }

    public static let examples = "300, 250ms, 30s, 5m or 2h"
}
