import SluiceCore

/// Durations in configuration (`DurationSyntax`), reported against the config node.
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
        guard let seconds = DurationSyntax.seconds(text) else {
            node.report("expected a duration such as \(DurationSyntax.examples), got \"\(node.shown(text))\"")
            return nil
        }
        return seconds
    }
}
