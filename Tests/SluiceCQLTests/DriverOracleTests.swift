import Foundation
import NIOCore
import SluiceCQL
import SluiceTestSupport
import Testing

/// SluiceCQL's bytes against the DataStax Python driver's (cassandra-driver in the test venv,
/// `Oracles/driver_oracle.py`): requests (bodies and whole frames) and values the driver encodes
/// must come out the same from SluiceCQL and read back in it, LZ4 frames included, and responses
/// SluiceCQL writes must read back in the driver as intended.
///
/// The driver's output is committed as fixtures (`Fixtures/driver-encodings.jsonl` from
/// `driver_oracle.py encode`, `Fixtures/driver-decodings.jsonl` from `driver_oracle.py decode <
/// Fixtures/sluice-responses.txt`), so these comparisons run without Python; where the test venv
/// exists, the fixtures are checked against the driver itself. `SLUICE_RECORD_CQL_FIXTURES=1`
/// rewrites them.
struct DriverOracleTests {
    static let requests: [String: CQLRequest] = [
        "startup": .startup(["CQL_VERSION": "3.0.0", "COMPRESSION": "lz4"]),
        "options": .options,
        "query_simple": .query("SELECT * FROM ks.t", CQLQueryParameters(consistency: .one)),
        "query_full": .query(
            "SELECT * FROM t",
            CQLQueryParameters(
                consistency: .localQuorum, pageSize: 5000, pagingState: [1, 2], serialConsistency: .localSerial,
                timestamp: 1_764_000_000_000_000)),
        "execute": .execute(
            id: [0xAB, 0xCD],
            CQLQueryParameters(consistency: .quorum, values: [.bytes([0, 0, 0, 1]), .null, .unset], pageSize: 100)),
        "batch": .batch(
            CQLBatch(
                kind: .unlogged,
                statements: [
                    .init(.prepared(id: [7, 7]), values: [.bytes([1]), .unset]),
                    .init(.text("DELETE FROM t"), values: []),
                ],
                consistency: .quorum, serialConsistency: .serial, timestamp: 42)),
        "register": .register(["TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE"]),
        "auth_response": .authResponse([0, 0x75, 0, 0x70]),
    ]

    static let values: [String: CQLValue] = [
        "int": .int(258), "bigint": .bigint(-1), "smallint": .smallint(-2), "tinyint": .tinyint(-2),
        "boolean": .boolean(true), "float": .float(1.5), "double": .double(-2), "ascii": .ascii("abc"),
        "text": .text("é"), "blob": .blob([0, 255]), "varint_0": .varint(CQLVarint(Int64(0))),
        "varint_128": .varint(CQLVarint(Int64(128))), "varint_-129": .varint(CQLVarint(Int64(-129))),
        "varint_big": .varint(CQLVarint(Int128(1) << 100)), "varint_-big": .varint(CQLVarint(-(Int128(1) << 100))),
        "decimal": .decimal(CQLDecimal(unscaled: CQLVarint(Int64(-12345)), scale: 2)), "date_epoch": .date(0),
        "date_before": .date(-1), "date_far": .date(2_932_896), "time": .time(1000),
        "timestamp": .timestamp(1_795_536_000_000),
        "uuid": .uuid(UUID(uuidString: "12345678-1234-5678-1234-567812345678") ?? UUID()),
        "inet4": .inet([127, 0, 0, 1]), "inet6": .inet([UInt8](repeating: 0, count: 15) + [1]),
        "duration": .duration(CQLDuration(months: 1, days: 2, nanoseconds: 3)),
        "duration_second": .duration(CQLDuration(months: 0, days: 0, nanoseconds: 1_000_000_000)),
        "duration_negative": .duration(CQLDuration(months: -1, days: -1, nanoseconds: -1)),
        "list": .list([.int(1), .int(2), .int(3)]), "set": .set([.text("a"), .text("b")]),
        "map": .map([.init(.text("a"), .bigint(1)), .init(.text("b"), .bigint(-1))]),
        "tuple": .tuple([.int(7), nil, .boolean(true)]),
    ]

    /// The container types of `values` (the others follow from the value's case).
    static let containerTypes: [String: CQLDataType] = [
        "list": .list(.int), "set": .set(.text), "map": .map(key: .text, value: .bigint),
        "tuple": .tuple([.int, .text, .boolean]),
    ]

    static func type(of name: String, _ value: CQLValue) throws -> CQLDataType {
        if let type = containerTypes[name] { return type }
        switch value {
        case .int: return .int
        case .bigint: return .bigint
        case .smallint: return .smallint
        case .tinyint: return .tinyint
        case .boolean: return .boolean
        case .float: return .float
        case .double: return .double
        case .ascii: return .ascii
        case .text: return .text
        case .blob: return .blob
        case .varint: return .varint
        case .decimal: return .decimal
        case .date: return .date
        case .time: return .time
        case .timestamp: return .timestamp
        case .uuid: return .uuid
        case .inet: return .inet
        case .duration: return .duration
        default: throw DriverOracle.OracleFailure(message: "no type for the value \(name)")
        }
    }

    @Test func requestsAndValuesEncodeAsTheDriverEncodesThem() throws {
        let output = try DriverOracle.fixture("driver-encodings.jsonl")
        var seen = 0
        for line in output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            let name = try #require(object["name"])
            let expected = try #require(object["hex"])
            let driverBytes = try #require(DriverOracle.bytes(hex: expected))
            var body = ByteBuffer()
            if let request = Self.requests[name] {
                request.writeBody(to: &body)
                // And the other way: what the driver encodes reads back as the same request.
                var driverBody = ByteBuffer(bytes: driverBytes)
                #expect(try CQLRequest.read(opcode: request.opcode.rawValue, body: &driverBody) == request, "\(name)")
                // Whole frames: the header too, and the driver's LZ4 framing read back.
                var frame = ByteBuffer()
                request.writeFrame(stream: 5, to: &frame)
                #expect(DriverOracle.hex(frame) == object["frame"], "\(name) frame")
                var compressed = ByteBuffer(bytes: try #require(DriverOracle.bytes(hex: object["frame_lz4"] ?? "")))
                var decoder = CQLFrameDecoder()
                let driverFrame = try #require(try decoder.decode(buffer: &compressed))
                // The driver leaves empty bodies (OPTIONS) uncompressed and flags the others.
                #expect(driverFrame.header.stream == 5)
                #expect(driverFrame.header.flags.contains(.compression) == (request != .options), "\(name) flag")
                var plain = try driverFrame.plainBody(compressionNegotiated: true)
                #expect(try CQLRequest.read(opcode: driverFrame.header.opcode, body: &plain) == request, "\(name) lz4")
            } else if let value = Self.values[String(name.dropFirst("value_".count))], name.hasPrefix("value_") {
                body.writeBytes(value.serialized())
                let type = try Self.type(of: String(name.dropFirst("value_".count)), value)
                #expect(try CQLValue.decode(type, from: ByteBuffer(bytes: driverBytes)) == value, "\(name)")
            } else {
                Issue.record("no SluiceCQL case for the driver's \(name)")
                continue
            }
            #expect(DriverOracle.hex(body) == expected, "\(name)")
            seen += 1
        }
        #expect(seen == Self.requests.count + Self.values.count)
    }

    @Test(.enabled(if: DriverOracle.python != nil, "no .venv/bin/python: scripts/test makes it"))
    func theFixturesAreWhatTheDriverPrints() async throws {
        let python = try #require(DriverOracle.python)
        let encodings = try await DriverOracle.run(python, ["encode"])
        let responses = Self.responseLines()
        let decodings = try await DriverOracle.run(python, ["decode"], input: responses)
        if ProcessInfo.processInfo.environment["SLUICE_RECORD_CQL_FIXTURES"] == "1" {
            try DriverOracle.record("driver-encodings.jsonl", encodings)
            try DriverOracle.record("sluice-responses.txt", responses)
            try DriverOracle.record("driver-decodings.jsonl", decodings)
        }
        #expect(try DriverOracle.fixture("driver-encodings.jsonl") == encodings)
        #expect(try DriverOracle.fixture("sluice-responses.txt") == responses)
        #expect(try DriverOracle.fixture("driver-decodings.jsonl") == decodings)
    }

    /// Responses SluiceCQL writes, one per line as `name opcode hex`, for `driver_oracle.py decode`.
    static func responseLines() -> String {
        let columns = [
            CQLColumnSpec(keyspace: "ks", table: "t", name: "k", type: .text),
            CQLColumnSpec(keyspace: "ks", table: "t", name: "v", type: .list(.int)),
        ]
        let rows: [[ByteBuffer?]] = [
            [
                ByteBuffer(bytes: CQLValue.text("a").serialized()),
                ByteBuffer(bytes: CQLValue.list([.int(1), .int(2)]).serialized()),
            ],
            [ByteBuffer(bytes: CQLValue.text("b").serialized()), nil],
        ]
        let prepared = CQLPreparedStatement(
            id: [0xAB, 0xCD],
            bindMarkers: [
                CQLColumnSpec(keyspace: "ks", table: "t", name: "k", type: .text),
                CQLColumnSpec(keyspace: "ks", table: "t", name: "v", type: .list(.int)),
            ], partitionKeyIndexes: [0], resultMetadata: CQLRowsMetadata(columns: [], columnCount: 0))
        let responses: [(String, CQLResponse)] = [
            ("rows", .result(.rows(CQLRowsMetadata(columns: columns, pagingState: [9]), rows))),
            ("void", .result(.void)), ("prepared", .result(.prepared(prepared))),
            (
                "unavailable",
                .error(
                    CQLServerError(
                        code: CQLServerError.Code.unavailable, message: "not enough replicas",
                        details: .unavailable(consistency: .quorum, required: 2, alive: 1)))
            ),
            (
                "write_timeout",
                .error(
                    CQLServerError(
                        code: CQLServerError.Code.writeTimeout, message: "timed out",
                        details: .writeTimeout(consistency: .localSerial, received: 0, blockFor: 2, writeType: "CAS")))
            ),
        ]
        var input = ""
        for (name, response) in responses {
            var body = ByteBuffer()
            response.writeBody(to: &body)
            input += "\(name) \(response.opcode.rawValue) \(DriverOracle.hex(body))\n"
        }
        return input
    }

    @Test func theDriverReadsOurResponses() throws {
        // SluiceCQL still writes the bytes the driver decoded when the fixture was recorded.
        #expect(Self.responseLines() == (try DriverOracle.fixture("sluice-responses.txt")))
        let output = try DriverOracle.fixture("driver-decodings.jsonl")
        var decoded: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let value = try JSONSerialization.data(withJSONObject: object["decoded"] ?? [:], options: [.sortedKeys])
            decoded[object["name"] as? String ?? ""] = String(decoding: value, as: UTF8.self)
        }
        #expect(
            decoded["rows"]
                == #"{"columns":["k","v"],"kind":2,"paging_state":"09","rows":[["a",[1,2]],["b",null]],"types":["varchar","list<int>"]}"#
        )
        #expect(decoded["void"] == #"{"kind":1}"#)
        #expect(decoded["prepared"]?.contains(#""bind_columns":["k","v"]"#) == true)
        #expect(decoded["prepared"]?.contains(#""id":"abcd""#) == true)
        #expect(decoded["prepared"]?.contains(#""pk_indexes":[0]"#) == true)
        #expect(decoded["unavailable"]?.contains(#""class":"UnavailableErrorMessage""#) == true)
        #expect(decoded["unavailable"]?.contains(#""alive_replicas":1"#) == true)
        #expect(decoded["write_timeout"]?.contains(#""class":"WriteTimeoutErrorMessage""#) == true)
        // The driver numbers write types; CAS is its 5.
        #expect(decoded["write_timeout"]?.contains(#""write_type":5"#) == true)
        #expect(decoded["write_timeout"]?.contains(#""required_responses":2"#) == true)
    }
}

/// Runs `Oracles/driver_oracle.py` with the test venv's Python.
enum DriverOracle {
    static let root = TestVenv.repositoryRoot

    static var python: URL? { TestVenv.python }

    /// Runs an `Oracles/` script (driver_oracle.py unless named) and returns what it printed.
    static func run(_ python: URL, _ arguments: [String], input: String = "", script: String = "driver_oracle.py")
        async throws -> String
    {
        let path = root.appendingPathComponent("Tests/SluiceCQLTests/Oracles/\(script)").path
        let result = try await ChildProcess.run(python, [path] + arguments, input: Data(input.utf8))
        guard result.status == 0 else { throw OracleFailure(message: "\(script): \(result.stderr)") }
        return result.stdout
    }

    static let fixtures = root.appendingPathComponent("Tests/SluiceCQLTests/Fixtures")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func record(_ name: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        try text.write(to: fixtures.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) ?? hex.endIndex
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    /// An executable installed in the test venv (cqlsh), if there.
    static func tool(_ name: String) -> URL? { TestVenv.tool(name) }

    static func hex(_ buffer: ByteBuffer) -> String {
        buffer.readableBytesView.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    struct OracleFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { "oracle failed: \(message)" }
    }
}
