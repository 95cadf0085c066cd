import SluiceCore

/// Expands `${NAME}` (and `${NAME:-default}`) in configuration values from the environment, so
/// secrets live in the environment and never in files. `$${` writes a literal `${`.
public struct EnvironmentInterpolation: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public enum Failure: Error, Equatable {
        case missingVariable(String)
        case malformed(String)
    }

    public func expand(_ text: String) -> Result<String, Failure> {
        guard text.contains("${") else { return .success(text) }
        var output = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[rest.startIndex..<dollar]
            let afterDollar = rest[rest.index(after: dollar)...]
            if afterDollar.hasPrefix("${") {
                output += "${"
                rest = afterDollar.dropFirst(2)
                continue
            }
            guard afterDollar.hasPrefix("{") else {
                output += "$"
                rest = afterDollar
                continue
            }
            guard let close = afterDollar.firstIndex(of: "}") else {
                return .failure(.malformed(String(rest)))
            }
            let body = afterDollar[afterDollar.index(after: afterDollar.startIndex)..<close]
            let (name, fallback) = Self.split(body)
            guard PlainIdentifier.isValid(name) else { return .failure(.malformed("${\(body)}")) }
            if let value = environment[String(name)], !(fallback != nil && value.isEmpty) {
                output += value
            } else if let fallback {
                output += fallback
            } else {
                return .failure(.missingVariable(String(name)))
            }
            rest = afterDollar[afterDollar.index(after: close)...]
        }
        output += rest
        return .success(output)
    }

    private static func split(_ body: Substring) -> (Substring, Substring?) {
        guard let range = body.firstRange(of: ":-") else { return (body, nil) }
        return (body[body.startIndex..<range.lowerBound], body[range.upperBound...])
    }

}
