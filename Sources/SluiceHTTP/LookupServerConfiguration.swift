import Foundation
import SluiceServing

/// What `LookupService` serves and where: the address to bind, the optional bearer token, and one
/// reader per served table.
public struct LookupServerConfiguration: Sendable {
    /// One table the service answers for: its reader (one per table and process, so the pointer
    /// cache is shared by every request) and its key columns.
    public struct ServedTable: Sendable {
        public var reader: ServingReader
        /// The key columns, in order. A key of several columns comes in a URL path with its
        /// parts joined by commas.
        public var keyColumns: [String]

        public init(reader: ServingReader, keyColumns: [String]) {
            self.reader = reader
            self.keyColumns = keyColumns
        }
    }

    public var host: String
    /// The port to bind; 0 lets the system choose (the bound port is passed to `onListening`).
    public var port: Int
    /// When set, every `/v1` request needs `Authorization: Bearer <token>`.
    public var token: String?
    /// The served tables by name. Any other name is answered 404, whatever the store holds.
    public var tables: [String: ServedTable]
    /// The most keys one batch may ask for.
    public var maxBatchKeys: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, tables: [String: ServedTable],
        maxBatchKeys: Int = 1000
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.tables = tables
        self.maxBatchKeys = maxBatchKeys
    }

    /// The bearer token held by the environment variable `variable`.
    public static func token(
        fromVariable variable: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LookupServerError) -> String {
        guard let token = environment[variable], !token.isEmpty else {
            throw .tokenVariableUnset(variable: variable)
        }
        return token
    }
}
