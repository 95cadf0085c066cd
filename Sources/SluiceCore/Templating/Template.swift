/// A text with `{{ name }}` placeholders, as in Airflow (`{{ ds }}`, `{{ ds_nodash }}`, …).
///
/// Parsed once (so validation can report a bad placeholder before anything runs), rendered per run.
public struct Template: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable {
        case literal(String)
        case variable(String)
    }

    public let source: String
    let parts: [Part]

    public init(_ source: String) throws(TemplateError) {
        self.source = source
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex {
                parts.append(.literal(String(rest[rest.startIndex..<open.lowerBound])))
            }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                throw TemplateError.unclosedPlaceholder(template: source)
            }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces
            guard PlainIdentifier.isValid(name) else {
                throw TemplateError.invalidPlaceholder(name, template: source)
            }
            parts.append(.variable(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    /// The placeholder names used, in order of first use.
    public var variables: [String] {
        var seen: Set<String> = []
        return parts.compactMap {
            guard case .variable(let name) = $0, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// Checks that every placeholder is one of `known`.
    public func validate(knownVariables known: [String]) throws(TemplateError) {
        for name in variables where !known.contains(name) {
            throw TemplateError.unknownVariable(name, known: known, template: source)
        }
    }

    public func render(_ values: [String: String]) throws(TemplateError) -> String {
        var output = ""
        for part in parts {
            switch part {
            case .literal(let text):
                output += text
            case .variable(let name):
                guard let value = values[name] else {
                    throw TemplateError.unknownVariable(name, known: values.keys.sorted(), template: source)
                }
                output += value
            }
        }
        return output
    }

    public var description: String { source }

}

/// A template that cannot be parsed or rendered.
public enum TemplateError: SluiceError, Equatable {
    case unclosedPlaceholder(template: String)
    case invalidPlaceholder(String, template: String)
    case unknownVariable(String, known: [String], template: String)

    public var category: FailureCategory { .usage }

    public var description: String {
        switch self {
        case .unclosedPlaceholder(let template):
            return "unclosed \"{{\" in \"\(Self.excerpt(template))\""
        case .invalidPlaceholder(let name, let template):
            return "\"{{ \(name) }}\" is not a valid placeholder in \"\(Self.excerpt(template))\""
        case .unknownVariable(let name, let known, _):
            return ClosestMatch.unknown("template variable", name, among: known) + "; known: "
                + known.joined(separator: ", ")
        }
    }

    private static func excerpt(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(77)) + "..."
    }
}
