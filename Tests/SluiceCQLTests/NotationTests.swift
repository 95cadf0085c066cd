import Foundation
import NIOCore
import SluiceCQL
import Testing

@Suite struct NotationTests {
    @Test func stringsMapsAndBytesRoundTrip() throws {
        var buffer = ByteBuffer()
        buffer.writeCQLString("héllo")
        buffer.writeCQLLongString("SELECT 1")
        buffer.writeCQLStringList(["a", "b"])
        buffer.writeCQLStringMap(["CQL_VERSION": "3.0.0", "COMPRESSION": "lz4"])
        buffer.writeCQLBytes(nil)
        buffer.writeCQLBytes([1, 2, 3])
        buffer.writeCQLShortBytes([9])
        buffer.writeCQLValue(.unset)
        let uuid = UUID()
        buffer.writeCQLUUID(uuid)
        #expect(try buffer.readCQLString("s") == "héllo")
        #expect(try buffer.readCQLLongString("l") == "SELECT 1")
        #expect(try buffer.readCQLStringList("list") == ["a", "b"])
        #expect(try buffer.readCQLStringMap("map") == ["CQL_VERSION": "3.0.0", "COMPRESSION": "lz4"])
        #expect(try buffer.readCQLBytes("null") == nil)
        #expect(try buffer.readCQLBytes("bytes").map { Array($0.readableBytesView) } == [1, 2, 3])
        #expect(try buffer.readCQLShortBytes("short") == [9])
        #expect(try buffer.readCQLInt("unset") == -2)
        #expect(try buffer.readCQLUUID("uuid") == uuid)
        #expect(buffer.readableBytes == 0)
    }

    @Test func stringMapsAreWrittenInKeyOrder() {
        var buffer = ByteBuffer()
        buffer.writeCQLStringMap(["b": "2", "a": "1"])
        #expect(Array(buffer.readableBytesView) == [0, 2, 0, 1, 0x61, 0, 1, 0x31, 0, 1, 0x62, 0, 1, 0x32])
    }

    @Test func shortInputNamesTheField() throws {
        var buffer = ByteBuffer(bytes: [0, 5, 0x61])
        #expect(throws: CQLProtocolError.truncated("keyspace")) { try buffer.readCQLString("keyspace") }
        var inet = ByteBuffer(bytes: [4, 127, 0, 0, 1, 0, 0, 0x23, 0x52])
        let (address, port) = try inet.readCQLInet("peer")
        #expect(address == [127, 0, 0, 1])
        #expect(port == 9042)
        var badInet = ByteBuffer(bytes: [5, 1, 2, 3, 4, 5])
        #expect(throws: CQLProtocolError.self) { try badInet.readCQLInet("peer") }
        var multimap = ByteBuffer()
        multimap.writeInteger(UInt16(1))
        multimap.writeCQLString("COMPRESSION")
        multimap.writeCQLStringList(["lz4", "snappy"])
        #expect(try multimap.readCQLStringMultimap("supported") == ["COMPRESSION": ["lz4", "snappy"]])
    }
}
