import Foundation

/// Reads the nodes of a cluster from `system.local` and `system.peers` on one connection.
enum CQLTopology {
    static func discover(on connection: CQLConnection, contact: CQLHost) async throws -> [CQLHost] {
        let parameters = CQLQueryParameters(consistency: .one)
        let local = CQLRowSet(
            try await connection.result(of: .query("SELECT * FROM system.local WHERE key='local'", parameters)),
            columns: [])
        let peers = CQLRowSet(
            try await connection.result(of: .query("SELECT * FROM system.peers", parameters)), columns: [])
        var hosts: [CQLHost] = []
        if !local.rows.isEmpty {
            var host = contact
            describe(&host, from: local, row: 0)
            hosts.append(host)
        } else {
            hosts.append(contact)
        }
        for row in peers.rows.indices {
            var address: String?
            for column in ["rpc_address", "peer"] {
                if case .inet(let bytes)? = try? peers.value(row, column), let text = Self.address(bytes),
                    text != "0.0.0.0", text != "::"
                {
                    address = text
                    break
                }
            }
            guard let address else { continue }
            var host = CQLHost(address: address, port: contact.port)
            describe(&host, from: peers, row: row)
            hosts.append(host)
        }
        return hosts
    }

    private static func describe(_ host: inout CQLHost, from rows: CQLRowSet, row: Int) {
        if case .text(let dataCenter)? = try? rows.value(row, "data_center") { host.dataCenter = dataCenter }
        if case .text(let rack)? = try? rows.value(row, "rack") { host.rack = rack }
        if case .uuid(let id)? = try? rows.value(row, "host_id") { host.hostID = id }
        if case .set(let tokens)? = try? rows.value(row, "tokens") {
            host.tokens = tokens.compactMap { token in
                guard case .text(let text)? = token else { return nil }
                return Int64(text)
            }
        }
    }

    /// An inet value as text: `10.0.0.1`, `::1`.
    static func address(_ bytes: [UInt8]) -> String? {
        var text = [CChar](repeating: 0, count: 64)
        let family: Int32
        switch bytes.count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }
        let converted = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &text, socklen_t(text.count))
        }
        guard converted != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
