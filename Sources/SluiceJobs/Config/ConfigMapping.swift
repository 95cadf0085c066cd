import SluiceCore

/// A YAML mapping with a fixed set of keys. Unknown keys are reported when it is created (with a
/// "did you mean" hint); missing required keys are reported where they are read.
public struct ConfigMapping {
    public let node: ConfigNode
    private let values: [String: ConfigNode]
    /// Known keys that an unknown key looked like a typo of: "required" is not reported again.
    private let misspelled: Set<String>

    init(node: ConfigNode, entries: [(key: String, value: ConfigNode)], knownKeys: [String]) {
        self.node = node
        var values: [String: ConfigNode] = [:]
        var misspelled: Set<String> = []
        for (key, value) in entries {
            guard knownKeys.contains(key) else {
                if let suggestion = ClosestMatch.suggestion(for: key, among: knownKeys) {
                    misspelled.insert(suggestion)
                }
                let message =
                    ClosestMatch.unknown("key", key, among: knownKeys) + "; expected one of: "
                    + knownKeys.joined(separator: ", ")
                value.diagnostics.report(message, at: value.location)
                continue
            }
            if !value.isNull { values[key] = value }
        }
        self.values = values
        self.misspelled = misspelled
    }

    public var location: ConfigLocation { node.location }

    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// The value under `key`, or nil when absent (reported as "required" when `required`).
    public func value(_ key: String, required: Bool = false) -> ConfigNode? {
        if let value = values[key] { return value }
        if required, !misspelled.contains(key) {
            node.diagnostics.report(
                "required",
                at: node.location.child(key, line: node.location.line, column: node.location.column)
            )
        }
        return nil
    }

    public func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required)?.string()
    }

    public func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key, required: required), let number = node.int() else { return nil }
        if let range, !range.contains(number) {
            node.report("\(number) is out of range: expected \(Self.describe(range))")
            return nil
        }
        return number
    }

    public func double(_ key: String, required: Bool = false, range: ClosedRange<Double>? = nil) -> Double? {
        guard let node = value(key, required: required), let number = node.double() else { return nil }
        if let range, !range.contains(number) {
            node.report("\(number) is out of range: expected \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    public func bool(_ key: String, required: Bool = false) -> Bool? {
        value(key, required: required)?.bool()
    }

    public func stringList(_ key: String, required: Bool = false) -> [String]? {
        value(key, required: required)?.stringList()
    }

    public func mapping(_ key: String, knownKeys: [String], required: Bool = false) -> ConfigMapping? {
        value(key, required: required)?.mapping(knownKeys: knownKeys)
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
    }
}
