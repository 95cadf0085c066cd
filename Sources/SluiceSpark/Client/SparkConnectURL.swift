import SluiceCore

/// A Spark Connect connection string, as Spark's own clients take it (and `SPARK_REMOTE` holds):
/// `sc://host[:port][/;key=value;…]`, the port 15002 unless given, with the parameters `token`
/// (sent as a bearer token; it turns TLS on), `use_ssl`, `user_id`, `user_agent` and `session_id`.
public struct SparkConnectURL: Sendable, Hashable, CustomStringConvertible {
    public static let defaultPort = 15_002

    public var host: String
    public var port: Int
    public var token: String?
    public var useTLS: Bool
    public var userID: String?
    public var userAgent: String?
    /// A session to join instead of a new one (a UUID).
    public var sessionID: String?

    /// Parses `text`.
    ///
    /// - Throws: `SparkError.invalidURL` naming what is wrong, without quoting a token.
    public init(_ text: String) throws(SparkError) {
        func invalid(_ reason: String) -> SparkError {
            .invalidURL(Self.redacted(text), reason: reason)
        }
        guard text.hasPrefix("sc://") else { throw invalid("it does not start with sc://") }
        let rest = text.dropFirst("sc://".count)
        let parts = rest.split(separator: ";", omittingEmptySubsequences: false)
        var authority = parts[0]
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.contains("/") else { throw invalid("a path other than / is not allowed") }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("an IPv6 host lacks its ]") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            authority = authority[authority.index(after: close)...]
        } else {
            let colon = authority.firstIndex(of: ":") ?? authority.endIndex
            host = String(authority[..<colon])
            authority = authority[colon...]
        }
        guard !host.isEmpty else { throw invalid("it has no host") }
        if authority.isEmpty {
            port = Self.defaultPort
        } else {
            guard authority.first == ":", let port = Int(authority.dropFirst()), (1...65_535).contains(port) else {
                throw invalid("the port must be a number from 1 to 65535")
            }
            self.port = port
        }
        var useSSL: Bool?
        for parameter in parts.dropFirst() where !parameter.isEmpty {
            guard let equals = parameter.firstIndex(of: "=") else {
                throw invalid("parameter \"\(parameter)\" is not key=value")
            }
            let key = String(parameter[..<equals])
            let value = String(parameter[parameter.index(after: equals)...])
            switch key {
            case "token": token = value
            case "use_ssl":
                guard let flag = Bool(value.lowercased()) else { throw invalid("use_ssl must be true or false") }
                useSSL = flag
            case "user_id": userID = value
            case "user_agent": userAgent = value
            case "session_id":
                guard value.count == 36 else { throw invalid("session_id must be a UUID") }
                sessionID = value.lowercased()
            default:
                throw invalid("unknown parameter \"\(key)\"; known: token, use_ssl, user_id, user_agent, session_id")
            }
        }
        // Spark's rule: a token is only ever sent over TLS.
        if token != nil && useSSL == false { throw invalid("a token needs TLS; leave out use_ssl=false") }
        useTLS = useSSL ?? (token != nil)
    }

    /// A connection string without its `;key=value` parameters, which may hold a token:
    /// `sc://host:15002/;token=…` shows as `sc://host:15002`.
    public static func redacted(_ text: String) -> String {
        guard let separator = text.firstIndex(of: ";") else { return text }
        var shown = text[..<separator]
        if shown.hasSuffix("/") { shown = shown.dropLast() }
        return String(shown)
    }

    /// `sc://host:port`, never the parameters (they may hold a token).
    public var description: String {
        host.contains(":") ? "sc://[\(host)]:\(port)" : "sc://\(host):\(port)"
    }
}
