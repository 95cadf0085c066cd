import NIOCore
import SluiceCQL
import Testing

@Suite struct DataTypeTests {
    @Test func optionsRoundTripForNestedTypes() throws {
        let types: [CQLDataType] = [
            .ascii, .bigint, .blob, .boolean, .counter, .decimal, .double, .float, .int, .timestamp, .uuid, .text,
            .varint, .timeuuid, .inet, .date, .time, .smallint, .tinyint, .duration, .custom("com.example.Type"),
            .map(key: .text, value: .list(.tuple([.int, .set(.uuid)]))),
            .udt(keyspace: "ks", name: "address", fields: [.init("street", .text), .init("zip", .int)]),
        ]
        for type in types {
            var buffer = ByteBuffer()
            type.write(to: &buffer)
            #expect(try CQLDataType.read(from: &buffer) == type, "\(type)")
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test func cassandrasDurationClassAndTheLegacyTextId() throws {
        var custom = ByteBuffer()
        custom.writeInteger(UInt16(0))
        custom.writeCQLString(CQLDataType.durationClass)
        #expect(try CQLDataType.read(from: &custom) == .duration)
        var legacy = ByteBuffer(bytes: [0x00, 0x0A])
        #expect(try CQLDataType.read(from: &legacy) == .text)
        var varchar = ByteBuffer()
        CQLDataType.text.write(to: &varchar)
        #expect(Array(varchar.readableBytesView) == [0x00, 0x0D])
        var unknown = ByteBuffer(bytes: [0x00, 0x99])
        #expect(throws: CQLProtocolError.self) { try CQLDataType.read(from: &unknown) }
    }

    @Test func descriptionsAreCQL() {
        #expect(CQLDataType.map(key: .text, value: .list(.int)).description == "map<text, frozen<list<int>>>")
        #expect(CQLDataType.tuple([.int, .text]).description == "tuple<int, text>")
        #expect(CQLConsistency(name: "local_quorum") == .localQuorum)
        #expect(CQLConsistency.localSerial.description == "LOCAL_SERIAL")
    }
}
