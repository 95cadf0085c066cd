import NIOCore

extension CQLClient {
    /// Waits until every node reports one schema version, as drivers do after DDL: a table just
    /// created may not yet exist on a node that has not caught up, and statements prepared there
    /// would fail. Asks the control connection's node for its own version and its peers'.
    ///
    /// - Returns: false when the versions still differ after `timeout`.
    public func awaitSchemaAgreement(timeout: TimeAmount = .seconds(10)) async throws -> Bool {
        let deadline = NIODeadline.now() + timeout
        let parameters = CQLQueryParameters(consistency: .one)
        while true {
            let local = CQLRowSet(
                try await control.result(
                    of: .query("SELECT schema_version FROM system.local WHERE key='local'", parameters)),
                columns: [])
            let peers = CQLRowSet(
                try await control.result(of: .query("SELECT schema_version FROM system.peers", parameters)),
                columns: [])
            var versions: Set<CQLValue> = []
            for (rows, index) in [(local, 0)] + peers.rows.indices.map({ (peers, $0) }) where index < rows.rows.count {
                if let version = try rows.value(index, "schema_version") { versions.insert(version) }
            }
            if versions.count <= 1 { return true }
            if NIODeadline.now() >= deadline { return false }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}
