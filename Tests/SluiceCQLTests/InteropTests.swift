import CQLTestServer
import Foundation
import NIOCore
import SluiceCQL
import SluiceTestSupport
import Testing

/// SluiceCQL and the DataStax Python driver against the same CQLTestServer: rows of every type the
/// Python driver writes read back equal in Swift, rows Swift writes read back equal in Python
/// (`Oracles/interop.py` declares the same rows), ScyllaDB's C++ driver (acsylla) reads them and
/// writes a row Swift reads, and cqlsh selects what Swift wrote.
@Suite(.enabled(if: DriverOracle.python != nil, "no .venv/bin/python: scripts/test makes it"), .timeLimit(.minutes(10)))
struct InteropTests {
    static let columns: [(String, String)] = [
        ("a_ascii", "ascii"), ("a_text", "text"), ("a_blob", "blob"), ("a_boolean", "boolean"),
        ("a_tinyint", "tinyint"), ("a_smallint", "smallint"), ("a_int", "int"), ("a_bigint", "bigint"),
        ("a_varint", "varint"), ("a_decimal", "decimal"), ("a_float", "float"), ("a_double", "double"),
        ("a_date", "date"), ("a_time", "time"), ("a_timestamp", "timestamp"), ("a_uuid", "uuid"),
        ("a_timeuuid", "timeuuid"), ("a_inet", "inet"), ("a_duration", "duration"), ("a_list", "list<int>"),
        ("a_set", "set<text>"), ("a_map", "map<text, bigint>"), ("a_tuple", "tuple<int, text, boolean>"),
        ("a_udt", "frozen<point>"), ("a_nested", "map<text, frozen<list<int>>>"),
    ]

    /// Row 1 of `interop.py`'s PY_ROWS, in Swift; row 2 is all nulls.
    static let row: [String: CQLValue] = [
        "a_ascii": .ascii("abc"), "a_text": .text("h\u{e9}llo \u{2603}"), "a_blob": .blob([0, 255, 16]),
        "a_boolean": .boolean(true), "a_tinyint": .tinyint(-2), "a_smallint": .smallint(-300), "a_int": .int(258),
        "a_bigint": .bigint(-(1 << 40)), "a_varint": .varint(CQLVarint(Int128(1) << 100)),
        "a_decimal": .decimal(CQLDecimal(unscaled: CQLVarint(Int64(-12345)), scale: 2)), "a_float": .float(1.5),
        "a_double": .double(-2.25), "a_date": .date(19844), "a_time": .time(45_296_789_000_000),
        "a_timestamp": .timestamp(1_714_566_600_123),
        "a_uuid": .uuid(UUID(uuidString: "12345678-1234-5678-1234-567812345678") ?? UUID()),
        "a_timeuuid": .timeuuid(UUID(uuidString: "e1a6c2f0-0f6b-11ef-8000-000000000001") ?? UUID()),
        "a_inet": .inet([10, 0, 0, 1]), "a_duration": .duration(CQLDuration(months: 1, days: 2, nanoseconds: 3)),
        "a_list": .list([.int(3), .int(1), .int(2)]), "a_set": .set([.text("a"), .text("b")]),
        "a_map": .map([.init(.text("x"), .bigint(1)), .init(.text("y"), .bigint(-1))]),
        "a_tuple": .tuple([.int(7), nil, .boolean(true)]), "a_udt": .udt([.int(5), .text("five")]),
        "a_nested": .map([.init(.text("p"), .list([.int(1), .int(2)])), .init(.text("q"), .list([]))]),
    ]

    @Test func rowsOfEveryTypeCrossBetweenTheDrivers() async throws {
        let server = try await CQLTestServer.start()
        try await Self.crossDrivers(host: "127.0.0.1", port: server.port)
        await server.stop()
    }

    /// The whole exchange against any server: the test server here, ScyllaDB in
    /// `ScyllaClusterTests`.
    static func crossDrivers(
        host: String, port serverPort: Int, credentials: CQLConnectionStateMachine.Credentials? = nil
    ) async throws {
        let python = try #require(DriverOracle.python)
        let port = "\(serverPort)"
        _ = try await DriverOracle.run(python, ["write", host, port], script: "interop.py")

        let client = try await CQLClient.connect(
            .init(contactPoints: [host], port: serverPort, credentials: credentials))
        let written = try await client.query("SELECT * FROM interop.py_types")
        #expect(written.rows.count == 2)
        for index in written.rows.indices {
            let key = try written.value(index, "k")
            for (name, _) in columns {
                let expected = key == .int(1) ? row[name] : nil
                #expect(try written.value(index, name) == expected, "row \(String(describing: key)) \(name)")
            }
        }

        let definition = columns.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        _ = try await client.query("DROP TABLE IF EXISTS interop.swift_types")
        _ = try await client.query("CREATE TABLE interop.swift_types (k int PRIMARY KEY, \(definition))")
        let names = columns.map(\.0)
        let insert = try await client.prepare(
            "INSERT INTO interop.swift_types (k, \(names.joined(separator: ", "))) VALUES (?\(String(repeating: ", ?", count: names.count)))"
        )
        let full =
            [CQLBoundValue.bytes(CQLValue.int(1).serialized())]
            + names.map { row[$0].map { .bytes($0.serialized()) } ?? .null }
        let nulls = [CQLBoundValue.bytes(CQLValue.int(2).serialized())] + names.map { _ in CQLBoundValue.null }
        _ = try await client.execute(insert, full)
        _ = try await client.execute(insert, nulls)
        let check = try await DriverOracle.run(python, ["check", host, port], script: "interop.py")
        #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(check)")
        let acsylla = try await DriverOracle.run(python, ["acsylla", host, port], script: "interop.py")
        #expect(acsylla.split(separator: "\n").last == "ok", "\(acsylla)")
        let third = try await client.query("SELECT a_int, a_text, a_list FROM interop.swift_types WHERE k = 3")
        #expect(try third.value(0, "a_int") == .int(33) && third.value(0, "a_text") == .text("three"))
        #expect(try third.value(0, "a_list") == .list([.int(3), .int(3)]))

        let cqlsh = try #require(DriverOracle.tool("cqlsh"))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cqlsh-\(UUID())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let login = credentials.map { ["-u", $0.username, "-p", $0.password] } ?? []
        let result = try await ChildProcess.run(
            cqlsh,
            [host, port, "--protocol-version", "4"] + login + [
                "-e", "SELECT k, a_text, a_int, a_list FROM interop.swift_types WHERE k = 1;",
            ], environment: ProcessInfo.processInfo.environment.merging(["HOME": home.path]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("h\u{e9}llo \u{2603}") && result.stdout.contains("258"), "\(result.stdout)")
        #expect(result.stdout.contains("[3, 1, 2]") && result.stdout.contains("(1 rows)"), "\(result.stdout)")
        await client.close()
    }
}
