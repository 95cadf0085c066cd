import Foundation
import SluiceCQL
import SluiceServing
import Testing

@testable import SluiceJobs

@Suite("type: scylla connection settings")
struct ScyllaConnectionDriverTests {
    private static func configuration(_ settings: [String: ConfigValue]) throws -> ScyllaConfiguration {
        var all = settings
        all["contact_points"] = all["contact_points"] ?? .stringList(["10.0.0.1:9042"])
        all["keyspace"] = all["keyspace"] ?? .string("serving")
        let connection = ConnectionConfig(
            name: "serving", type: "scylla", settings: all, location: ConfigLocation(file: "sluice.yaml"))
        return try ScyllaConnectionDriver.configuration(
            of: connection, projectRoot: URL(fileURLWithPath: "/srv/project"))
    }

    @Test("settings become the store's configuration, defaults filled in")
    func settings() throws {
        let defaults = try Self.configuration([:])
        #expect(defaults.consistency == .localQuorum)
        #expect(defaults.serialConsistency == .localSerial)
        #expect(defaults.createKeyspace == nil)
        #expect(defaults.tls == nil)
        #expect(defaults.lockLease == 60)

        let set = try Self.configuration([
            "consistency": .string("local_one"), "serial_consistency": .string("SERIAL"),
            "create_keyspace": .bool(true), "replication": .stringList(["dc1:3", "dc2:2"]),
            "tls_ca_file": .string("certs/ca.pem"), "write_timeout": .duration(5), "lock_lease": .duration(30),
            "rows_per_second": .int(1000), "pointer_ttl": .duration(0.5),
        ])
        #expect(set.consistency == .localOne)
        #expect(set.serialConsistency == .serial)
        #expect(set.createKeyspace == .networkTopology(["dc1": 3, "dc2": 2]))
        #expect(set.tls == ScyllaConfiguration.TLS(caFile: "/srv/project/certs/ca.pem"))
        #expect(set.rowsPerSecond == 1000)
        #expect(set.timing.pointerTTL == 0.5)
        #expect(try Self.configuration(["tls": .bool(false), "tls_ca_file": .string("ca.pem")]).tls == nil)
        #expect(
            try Self.configuration(["create_keyspace": .bool(true), "replication_factor": .int(3)]).createKeyspace
                == .simple(factor: 3))
    }

    @Test(
        "bad settings are refused with the key and the reason",
        arguments: [
            (["consistency": ConfigValue.string("MOST")], "unknown consistency \"MOST\""),
            (["serial_consistency": .string("QUORUM")], "must be SERIAL or LOCAL_SERIAL"),
            (["create_keyspace": .bool(true)], "needs replication"),
            (["create_keyspace": .bool(true), "replication": .stringList(["dc1"])], "\"dc1\" is not dc:factor"),
            (
                ["create_keyspace": .bool(true), "replication": .stringList(["dc1:3"]), "replication_factor": .int(3)],
                "not both"
            ),
            (["lock_lease": .duration(20)], "at least 3 x write_timeout (36s)"),
            (["write_timeout": .duration(0)], "longer than 0s"),
            (["max_in_flight": .int(0)], "at least 1"),
        ])
    func refused(settings: [String: ConfigValue], reason: String) throws {
        #expect {
            try Self.configuration(settings)
        } throws: { error in
            "\(error)".contains("connections.serving.") && "\(error)".contains(reason)
        }
    }
}
