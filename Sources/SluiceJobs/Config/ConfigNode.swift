import SluiceCore
import Yams

/// A value read from a YAML file, with its location, typed accessors that report a wrong type as
/// a `ConfigIssue`, and `${ENV}` interpolation applied to every scalar.
public struct ConfigNode {
    let node: Node
    public let location: ConfigLocation
    let diagnostics: ConfigDiagnostics
    let interpolation: EnvironmentInterpolation

    init(node: Node, location: ConfigLocation, diagnostics: ConfigDiagnostics, interpolation: EnvironmentInterpolation)
    {
        self.node = node
        self.location = location
        self.diagnostics = diagnostics
        self.interpolation = interpolation
    }

    /// Reports a problem with this value.
    public func report(_ message: String) {
        diagnostics.report(message, at: location)
    }

    /// True for `~`, `null` or an empty value: treated as if the key were absent.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The scalar's text after `${ENV}` interpolation; reports and returns nil otherwise.
    public func string() -> String? {
        guard case .scalar(let scalar) = node else {
            report("expected a string, got \(kindDescription)")
            return nil
        }
        switch interpolation.expand(scalar.string) {
        case .success(let text):
            return text
        case .failure(.missingVariable(let name)):
            report("environment variable \(name) is not set (referenced as ${\(name)})")
        case .failure(.malformed(let text)):
            report("malformed environment reference \"\(text)\": expected ${NAME} or ${NAME:-default}")
        }
        return nil
    }

    public func int() -> Int? {
        guard let text = scalarText(expecting: "an integer") else { return nil }
        guard let value = Int(text.replacingAll("_", with: "")) else {
            report("expected an integer, got \"\(shown(text))\"")
            return nil
        }
        return value
    }

    public func double() -> Double? {
        guard let text = scalarText(expecting: "a number") else { return nil }
        guard let value = Double(text), value.isFinite else {
            report("expected a number, got \"\(shown(text))\"")
            return nil
        }
        return value
    }

    public func bool() -> Bool? {
        guard let text = scalarText(expecting: "true or false") else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "on": return true
        case "false", "False", "FALSE", "no", "No", "off": return false
        default:
            report("expected true or false, got \"\(shown(text))\"")
            return nil
        }
    }

    /// A sequence of strings. A single string is reported, not silently wrapped: `key: id` where
    /// `key: [id]` is meant is a common typo worth pointing out.
    public func stringList() -> [String]? {
        guard let items = sequence() else { return nil }
        let strings = items.compactMap { $0.string() }
        return strings.count == items.count ? strings : nil
    }

    /// The elements of a sequence.
    public func sequence() -> [ConfigNode]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list, got \(kindDescription)")
            return nil
        }
        return sequence.enumerated().map { index, element in
            ConfigNode(
                node: element,
                location: location.element(index, line: element.mark?.line, column: element.mark?.column),
                diagnostics: diagnostics,
                interpolation: interpolation
            )
        }
    }

    /// A mapping whose keys are fixed by Sluice; keys outside `knownKeys` are reported with a
    /// "did you mean" hint.
    public func mapping(knownKeys: [String]) -> ConfigMapping? {
        guard let entries = entries() else { return nil }
        return ConfigMapping(node: self, entries: entries, knownKeys: knownKeys)
    }

    /// A mapping whose keys are names the user chooses (connections, jobs' tasks, sources), in
    /// the order written.
    public func entries() -> [(key: String, value: ConfigNode)]? {
        guard case .mapping(let mapping) = node else {
            report("expected a mapping of keys to values, got \(kindDescription)")
            return nil
        }
        var result: [(key: String, value: ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                diagnostics.report("keys must be plain strings", at: location)
                continue
            }
            let childLocation = location.child(key.string, line: keyNode.mark?.line, column: keyNode.mark?.column)
            result.append(
                (
                    key.string,
                    ConfigNode(
                        node: valueNode,
                        location: childLocation,
                        diagnostics: diagnostics,
                        interpolation: interpolation
                    )
                )
            )
        }
        return result
    }

    /// The value as it may appear in a message: when it came from `${ENV}`, the reference as
    /// written, so a secret put in the wrong key never reaches a terminal or a log.
    func shown(_ value: String) -> String {
        guard case .scalar(let scalar) = node, scalar.string.contains("${") else { return value }
        return scalar.string
    }

    private func scalarText(expecting what: String) -> String? {
        guard case .scalar = node else {
            report("expected \(what), got \(kindDescription)")
            return nil
        }
        return string()
    }

    private var kindDescription: String {
        switch node {
        case .scalar(let scalar): return "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
