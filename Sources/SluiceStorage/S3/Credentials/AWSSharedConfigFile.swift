/// One parsed AWS shared file: `~/.aws/credentials` or `~/.aws/config`.
///
/// The format is INI as the AWS SDKs read it: `[section]` headers, `key = value` lines (keys are
/// case-insensitive, values kept verbatim so a `#` inside a secret survives), whole-line comments
/// starting with `#` or `;`, and indented `key = value` lines below a key with an empty value,
/// which form a sub-section (`s3 =` then `  endpoint_url = …`). In the config file a profile's
/// header is `[profile name]` (or `[default]`) and `[services name]` holds per-service settings;
/// in the credentials file the header is the bare profile name.
public struct AWSSharedConfigFile: Sendable, Equatable {
    /// Which of the two files the text came from: they name profile sections differently.
    public enum Kind: Sendable {
        case credentials
        case config
    }

    /// The `key = value` lines of one section, and its sub-sections by the key that opens them.
    public struct Section: Sendable, Equatable {
        public var values: [String: String] = [:]
        public var subsections: [String: [String: String]] = [:]

        public init(values: [String: String] = [:], subsections: [String: [String: String]] = [:]) {
            self.values = values
            self.subsections = subsections
        }
    }

    /// Profile sections by profile name.
    public var profiles: [String: Section] = [:]
    /// `[services name]` sections of the config file by name.
    public var services: [String: Section] = [:]

    /// A file with no sections, as when the file does not exist.
    public init() {}

    /// Parses `text`. Sections the kind does not know (e.g. `[sso-session x]`, or `[x]` without
    /// `profile` in the config file) are skipped; a repeated section adds to the first.
    ///
    /// - Parameter file: the path, for error messages.
    /// - Throws: `AWSCredentialError.invalidSharedFile` naming the line, not quoting it (it may
    ///   hold a secret).
    public init(parsing text: String, kind: Kind, file: String) throws {
        var target: WritableKeyPath<AWSSharedConfigFile, [String: Section]>?
        var sectionName = ""
        var sawHeader = false
        var lastKey: String?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            func failure(_ reason: String) -> AWSCredentialError {
                .invalidSharedFile(file: file, line: index + 1, reason: reason)
            }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { throw failure("a section header without ']'") }
                let rest = line[line.index(after: close)...].trimmingWhitespace()
                guard rest.isEmpty || rest.hasPrefix("#") || rest.hasPrefix(";") else {
                    throw failure("text after a section header")
                }
                let header = line[line.index(after: line.startIndex)..<close].trimmingWhitespace()
                (target, sectionName) = Self.classify(header, kind: kind)
                sawHeader = true
                lastKey = nil
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw failure("expected 'key = value'") }
            guard sawHeader else { throw failure("a setting before the first section header") }
            let key = line[..<equals].trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: equals)...].trimmingWhitespace())
            guard !key.isEmpty else { throw failure("a setting without a name") }
            guard let target else { continue }
            let indented = rawLine.first?.isWhitespace == true
            if indented, let lastKey {
                self[keyPath: target][sectionName, default: Section()].subsections[lastKey, default: [:]][key] = value
            } else {
                self[keyPath: target][sectionName, default: Section()].values[key] = value
                lastKey = key
            }
        }
    }

    /// Where a section header's settings go, and under which name; nil for sections this kind
    /// of file does not define.
    private static func classify(
        _ header: Substring, kind: Kind
    ) -> (WritableKeyPath<AWSSharedConfigFile, [String: Section]>?, String) {
        let words = header.split(whereSeparator: \.isWhitespace).map(String.init)
        switch kind {
        case .credentials:
            return (\.profiles, String(header))
        case .config:
            if words == ["default"] { return (\.profiles, "default") }
            if words.count == 2, words[0] == "profile" { return (\.profiles, words[1]) }
            if words.count == 2, words[0] == "services" { return (\.services, words[1]) }
            return (nil, "")
        }
    }
}

extension StringProtocol where SubSequence == Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        let trimmed = self[...].drop(while: \.isWhitespace)
        return trimmed[
            ..<(trimmed.lastIndex(where: { !$0.isWhitespace }).map(trimmed.index(after:)) ?? trimmed.startIndex)]
    }
}
