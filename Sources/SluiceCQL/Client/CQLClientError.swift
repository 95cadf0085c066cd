/// Why a client could not run a statement.
public enum CQLClientError: Error, Sendable, CustomStringConvertible {
    /// Every host tried failed; what each said.
    case noHostAvailable([(host: CQLHost, error: String)])
    /// None of the contact points could be reached.
    case noContactPoint([(host: CQLHost, error: String)])
    case noSuchColumn(String, [String])
    /// A value named for a bind marker the prepared statement does not have.
    case noSuchBindMarker(String, [String])
    /// A host is marked down after failed connection attempts until its backoff ends.
    case hostDown(CQLHost)
    case closed

    public var description: String {
        switch self {
        case .noHostAvailable(let attempts):
            return "no host could run the statement: "
                + attempts.map { "\($0.host): \($0.error)" }.joined(separator: "; ")
        case .noContactPoint(let attempts):
            return "could not connect to any contact point: "
                + attempts.map { "\($0.host): \($0.error)" }.joined(separator: "; ")
        case .noSuchColumn(let name, let columns):
            return "no column \(name) in the result (columns: \(columns.joined(separator: ", ")))"
        case .noSuchBindMarker(let name, let markers):
            return "the statement has no bind marker \(name) (markers: \(markers.joined(separator: ", ")))"
        case .hostDown(let host): return "\(host) is down (reconnecting with backoff)"
        case .closed: return "the client is closed"
        }
    }
}
