import NIOCore
import SluiceCQL
import Testing

/// Requests and responses survive encoding and decoding, and the bytes follow the v4 layouts.
@Suite struct MessageTests {
    func roundTrip(_ request: CQLRequest) throws -> CQLRequest {
        var body = ByteBuffer()
        request.writeBody(to: &body)
        let decoded = try CQLRequest.read(opcode: request.opcode.rawValue, body: &body)
        #expect(body.readableBytes == 0, "\(request.opcode) left bytes behind")
        return decoded
    }

    func roundTrip(_ response: CQLResponse) throws -> CQLResponse {
        var body = ByteBuffer()
        response.writeBody(to: &body)
        let decoded = try CQLResponse.read(opcode: response.opcode.rawValue, body: &body)
        #expect(body.readableBytes == 0, "\(response.opcode) left bytes behind")
        return decoded
    }

    @Test func everyRequestRoundTrips() throws {
        let parameters = CQLQueryParameters(
            consistency: .localQuorum, values: [.bytes([0, 0, 0, 1]), .null, .unset], skipMetadata: true,
            pageSize: 5000, pagingState: [9, 9], serialConsistency: .localSerial, timestamp: 1_764_000_000_000_000)
        let named = CQLQueryParameters(consistency: .one, values: [.bytes([1])], names: ["k"])
        let requests: [CQLRequest] = [
            .startup(["CQL_VERSION": "3.0.0", "COMPRESSION": "lz4"]), .authResponse([0, 117, 0, 112]),
            .authResponse(nil), .options, .query("SELECT * FROM t WHERE k = ?", parameters),
            .query("SELECT 1", CQLQueryParameters(consistency: .one)), .query("SELECT ?", named),
            .prepare("INSERT INTO t (k, v) VALUES (?, ?)"), .execute(id: [1, 2, 3, 4], parameters),
            .batch(
                CQLBatch(
                    kind: .unlogged,
                    statements: [
                        .init(.prepared(id: [7, 7]), values: [.bytes([1]), .unset]),
                        .init(.text("DELETE FROM t"), values: []),
                    ], consistency: .quorum, serialConsistency: .serial, timestamp: 42)),
            .register(["TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE"]),
        ]
        for request in requests {
            #expect(try roundTrip(request) == request, "\(request.opcode)")
        }
    }

    /// QUERY "SELECT 1" at ONE with one int value and a page size, byte by byte (v4 §4.1.4).
    @Test func queryBytesFollowTheSpec() {
        var body = ByteBuffer()
        CQLRequest.query(
            "SELECT 1", CQLQueryParameters(consistency: .one, values: [.bytes([0, 0, 0, 7])], pageSize: 100)
        )
        .writeBody(to: &body)
        let expected: [UInt8] =
            [0, 0, 0, 8] + Array("SELECT 1".utf8) + [
                0x00, 0x01, 0x05, 0x00, 0x01, 0, 0, 0, 4, 0, 0, 0, 7, 0, 0, 0, 100,
            ]
        #expect(Array(body.readableBytesView) == expected)
    }

    @Test func everyResponseRoundTrips() throws {
        let columns = [
            CQLColumnSpec(keyspace: "ks", table: "t", name: "k", type: .text),
            CQLColumnSpec(keyspace: "ks", table: "t", name: "v", type: .list(.int)),
        ]
        let rows: [[ByteBuffer?]] = [
            [ByteBuffer(bytes: [0x61]), nil], [ByteBuffer(bytes: []), ByteBuffer(bytes: [0, 0, 0, 0])],
        ]
        let mixed = [
            CQLColumnSpec(keyspace: "ks", table: "a", name: "x", type: .int),
            CQLColumnSpec(keyspace: "ks", table: "b", name: "y", type: .int),
        ]
        let prepared = CQLPreparedStatement(
            id: [0xAB, 0xCD], bindMarkers: columns, partitionKeyIndexes: [0],
            resultMetadata: CQLRowsMetadata(columns: [], columnCount: 0), flags: Int32(bitPattern: 0x8000_0000))
        let responses: [CQLResponse] = [
            .ready, .authenticate("org.apache.cassandra.auth.PasswordAuthenticator"),
            .supported(["CQL_VERSION": ["3.4.5"], "SCYLLA_NR_SHARDS": ["2"]]), .result(.void),
            .result(.rows(CQLRowsMetadata(columns: columns, pagingState: [1, 2]), rows)),
            .result(.rows(CQLRowsMetadata(columns: mixed), [])),
            .result(.rows(CQLRowsMetadata(columns: [], columnCount: 2), [[nil, nil]])), .result(.setKeyspace("ks")),
            .result(.prepared(prepared)),
            .result(.schemaChange(CQLSchemaChange(change: "CREATED", target: "TABLE", keyspace: "ks", name: "t"))),
            .result(.schemaChange(CQLSchemaChange(change: "DROPPED", target: "KEYSPACE", keyspace: "ks"))),
            .result(
                .schemaChange(
                    CQLSchemaChange(
                        change: "CREATED", target: "FUNCTION", keyspace: "ks", name: "f", argumentTypes: ["int"]))),
            .event(.topologyChange("NEW_NODE", address: [10, 0, 0, 2], port: 9042)),
            .event(.statusChange("DOWN", address: [UInt8](repeating: 0, count: 15) + [1], port: 9042)),
            .event(.schemaChange(CQLSchemaChange(change: "UPDATED", target: "TYPE", keyspace: "ks", name: "address"))),
            .authChallenge([1]), .authSuccess(nil),
        ]
        for response in responses {
            #expect(try roundTrip(response) == response, "\(response.opcode)")
        }
    }

    @Test func errorsCarryTheirCodesDetails() throws {
        let errors: [CQLServerError] = [
            CQLServerError(code: CQLServerError.Code.syntaxError, message: "line 1:0 no viable alternative"),
            CQLServerError(
                code: CQLServerError.Code.unavailable, message: "Cannot achieve consistency",
                details: .unavailable(consistency: .quorum, required: 2, alive: 1)),
            CQLServerError(
                code: CQLServerError.Code.writeTimeout, message: "timeout",
                details: .writeTimeout(consistency: .localSerial, received: 0, blockFor: 1, writeType: "CAS")),
            CQLServerError(
                code: CQLServerError.Code.readTimeout, message: "timeout",
                details: .readTimeout(consistency: .one, received: 0, blockFor: 1, dataPresent: false)),
            CQLServerError(
                code: CQLServerError.Code.readFailure, message: "failure",
                details: .readFailure(consistency: .one, received: 0, blockFor: 1, failures: 1, dataPresent: true)),
            CQLServerError(
                code: CQLServerError.Code.writeFailure, message: "failure",
                details: .writeFailure(consistency: .all, received: 1, blockFor: 3, failures: 2, writeType: "SIMPLE")),
            CQLServerError(
                code: CQLServerError.Code.functionFailure, message: "boom",
                details: .functionFailure(keyspace: "ks", function: "f", argumentTypes: ["int"])),
            CQLServerError(
                code: CQLServerError.Code.alreadyExists, message: "exists",
                details: .alreadyExists(keyspace: "ks", table: "")),
            CQLServerError(
                code: CQLServerError.Code.unprepared, message: "unknown id", details: .unprepared(id: [1, 2])),
            CQLServerError(code: CQLServerError.Code.overloaded, message: "busy"),
        ]
        for error in errors {
            #expect(try roundTrip(.error(error)) == .error(error))
        }
        #expect(errors[1].description == "unavailable: Cannot achieve consistency")
        #expect(CQLServerError(code: 0xF000, message: "rate limit").name == "error 0xf000")
    }

    @Test func responsePrefixesComeOffInFlagOrder() throws {
        var body = ByteBuffer(bytes: [UInt8](repeating: 7, count: 16))
        body.writeCQLStringList(["slow query"])
        body.writeInteger(UInt16(1))
        body.writeCQLString("tablets-routing-v1")
        body.writeCQLBytes([1, 2])
        CQLResponse.ready.writeBody(to: &body)
        let prefixes = try CQLFrameBody.stripPrefixes(of: &body, flags: [.tracing, .warning, .customPayload])
        #expect(prefixes.tracingID == [UInt8](repeating: 7, count: 16))
        #expect(prefixes.warnings == ["slow query"])
        #expect(prefixes.customPayload == ["tablets-routing-v1": [1, 2]])
        #expect(body.readableBytes == 0)
    }

    @Test func unknownOpcodesAndKindsAreProtocolErrors() {
        var empty = ByteBuffer()
        #expect(throws: CQLProtocolError.self) { try CQLRequest.read(opcode: 0x02, body: &empty) }
        #expect(throws: CQLProtocolError.self) { try CQLResponse.read(opcode: 0x07, body: &empty) }
        var badKind = ByteBuffer(bytes: [0, 0, 0, 9])
        #expect(throws: CQLProtocolError.self) { try CQLResponse.read(opcode: 0x08, body: &badKind) }
        // A row count the bytes cannot hold is refused before anything is allocated for it.
        var huge = ByteBuffer()
        huge.writeInteger(Int32(2))  // rows
        CQLRowsMetadata(columns: [CQLColumnSpec(keyspace: "k", table: "t", name: "c", type: .int)]).write(to: &huge)
        huge.writeInteger(Int32.max)
        #expect(throws: CQLProtocolError.self) { try CQLResponse.read(opcode: 0x08, body: &huge) }
    }
}
