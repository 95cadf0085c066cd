/// Durations in configuration: a number of seconds, or `250ms`, `30s`, `1.5s`, `5m`, `2h`.
enum DurationText {
    /// Whole seconds (retry delays and other coarse settings).
    static func seconds(_ node: ConfigNode) -> Int? {
        guard let interval = interval(node) else { return nil }
        guard interval == interval.rounded() else {
            node.report("expected whole seconds, got \"\(node.shown(node.string() ?? ""))\"")
            return nil
        }
        return Int(interval)
    }

    /// Seconds, possibly fractional.
    static func interval(_ node: ConfigNode) -> Double? {
        guard let text = node.string() else { return nil }
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var digits = Substring(text)
        var multiplier = 1.0
        if let unit = units.first(where: { text.hasSuffix($0.suffix) }) {
            digits = digits.dropLast(unit.suffix.count)
            multiplier = unit.seconds
        }
        guard let value = Double(digits), value >= 0, value.isFinite, digits.allSatisfy({ $0.isNumber || $0 == "." })
        else {
            node.report("expected a duration such as 300, 250ms, 30s, 5m or 2h, got \"\(node.shown(text))\"")
            return nil
        }
        return value * multiplier
    }
}
