/// Durations in configuration: a number of seconds, or `30s`, `5m`, `2h`.
enum DurationText {
    static func seconds(_ node: ConfigNode) -> Int? {
        guard let text = node.string() else { return nil }
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text)
        var multiplier = 1
        if let last = text.last, let unit = units[last] {
            digits = digits.dropLast()
            multiplier = unit
        }
        guard let value = Int(digits), value >= 0 else {
            node.report("expected a duration such as 300, 30s, 5m or 2h, got \"\(node.shown(text))\"")
            return nil
        }
        return value * multiplier
    }
}
