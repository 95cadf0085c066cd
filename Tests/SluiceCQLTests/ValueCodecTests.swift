import Foundation
import NIOCore
import SluiceCQL
import Testing

@Suite struct ValueCodecTests {
    func decoded(_ type: CQLDataType, _ bytes: [UInt8]) throws -> CQLValue? {
        try CQLValue.decode(type, from: ByteBuffer(bytes: bytes))
    }

    /// v4 §6.23's examples: minimal two's complement, big-endian.
    static let varintCases: [(Int64, [UInt8])] = [
        (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x00, 0x80]), (129, [0x00, 0x81]),
        (-1, [0xFF]), (-128, [0x80]), (-129, [0xFF, 0x7F]),
    ]

    @Test(arguments: varintCases)
    func varints(value: Int64, bytes: [UInt8]) throws {
        #expect(CQLValue.varint(CQLVarint(value)).serialized() == bytes)
        #expect(try decoded(.varint, bytes) == .varint(CQLVarint(value)))
        // Redundant sign bytes in front (as some encoders write) are dropped.
        let sign: UInt8 = value < 0 ? 0xFF : 0x00
        #expect(CQLVarint(bytes: [sign, sign] + bytes) == CQLVarint(value))
        #expect(CQLVarint(bytes: [sign, sign] + bytes).int128 == Int128(value))
    }

    @Test func bigVarintsAndDecimals() throws {
        let huge = Int128(Int64.max) * 1_000_000
        #expect(CQLVarint(huge).int128 == huge)
        #expect(CQLVarint(-huge).int128 == -huge)
        let decimal = CQLValue.decimal(CQLDecimal(unscaled: CQLVarint(Int64(-12345)), scale: 2))
        #expect(decimal.serialized() == [0, 0, 0, 2, 0xCF, 0xC7])
        #expect(try decoded(.decimal, decimal.serialized()) == decimal)
    }

    /// Cassandra's vint (zigzag, then a length prefix in the first byte), checked against
    /// `VIntCoding` examples: duration(1mo, 2d, 3ns), duration(0, 0, 1s), duration(-1, -1, -1).
    static let durationCases: [(CQLDuration, [UInt8])] = [
        (CQLDuration(months: 1, days: 2, nanoseconds: 3), [0x02, 0x04, 0x06]),
        (CQLDuration(months: 0, days: 0, nanoseconds: 1_000_000_000), [0x00, 0x00, 0xF0, 0x77, 0x35, 0x94, 0x00]),
        (CQLDuration(months: -1, days: -1, nanoseconds: -1), [0x01, 0x01, 0x01]),
        (
            CQLDuration(months: 0, days: 0, nanoseconds: 86_400_000_000_000),
            [0x00, 0x00, 0xFC, 0x9D, 0x29, 0x22, 0x9E, 0x00, 0x00]
        ),
        (
            CQLDuration(months: 0, days: 1000, nanoseconds: .min),
            [0x00, 0x87, 0xD0] + [UInt8](repeating: 0xFF, count: 9)
        ),
    ]

    @Test(arguments: durationCases)
    func durations(duration: CQLDuration, bytes: [UInt8]) throws {
        let value = CQLValue.duration(duration)
        #expect(value.serialized() == bytes)
        #expect(try decoded(.duration, bytes) == value)
    }

    @Test func everyScalarTypeRoundTrips() throws {
        let uuid = UUID()
        let cases: [(CQLDataType, CQLValue, [UInt8]?)] = [
            (.ascii, .ascii("abc"), [0x61, 0x62, 0x63]), (.text, .text("é"), [0xC3, 0xA9]),
            (.blob, .blob([0, 255]), [0, 255]), (.boolean, .boolean(true), [1]), (.boolean, .boolean(false), [0]),
            (.tinyint, .tinyint(-2), [0xFE]), (.smallint, .smallint(-2), [0xFF, 0xFE]),
            (.int, .int(258), [0, 0, 1, 2]), (.bigint, .bigint(-1), [UInt8](repeating: 0xFF, count: 8)),
            (.counter, .counter(5), [0, 0, 0, 0, 0, 0, 0, 5]),
            (.float, .float(1.5), [0x3F, 0xC0, 0, 0]), (.double, .double(-2), [0xC0, 0, 0, 0, 0, 0, 0, 0]),
            (.date, .date(0), [0x80, 0, 0, 0]), (.date, .date(-1), [0x7F, 0xFF, 0xFF, 0xFF]),
            (.time, .time(1_000), [0, 0, 0, 0, 0, 0, 0x03, 0xE8]),
            (.timestamp, .timestamp(1_764_000_000_000), nil), (.uuid, .uuid(uuid), nil),
            (.timeuuid, .timeuuid(uuid), nil),
            (.inet, .inet([127, 0, 0, 1]), [127, 0, 0, 1]), (.inet, .inet([UInt8](repeating: 0, count: 15) + [1]), nil),
        ]
        for (type, value, bytes) in cases {
            if let bytes { #expect(value.serialized() == bytes, "\(type)") }
            #expect(try decoded(type, value.serialized()) == value, "\(type)")
        }
    }

    @Test func collectionsTuplesAndUserTypes() throws {
        let list = CQLValue.list([.int(1), nil, .int(3)])
        #expect(try decoded(.list(.int), list.serialized()) == list)
        #expect(
            list.serialized() == [0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 4, 0, 0, 0, 3])
        let map = CQLValue.map([.init(.text("a"), .list([.bigint(1)])), .init(.text("b"), nil)])
        #expect(try decoded(.map(key: .text, value: .list(.bigint)), map.serialized()) == map)
        let set = CQLValue.set([.text("x")])
        #expect(try decoded(.set(.text), set.serialized()) == set)
        let tupleType = CQLDataType.tuple([.int, .text, .boolean])
        let tuple = CQLValue.tuple([.int(7), nil, .boolean(true)])
        #expect(try decoded(tupleType, tuple.serialized()) == tuple)
        let address = CQLDataType.udt(
            keyspace: "ks", name: "address",
            fields: [.init("street", .text), .init("zip", .int), .init("tags", .set(.text))])
        let full = CQLValue.udt([.text("Main St"), .int(12345), .set([.text("home")])])
        #expect(try decoded(address, full.serialized()) == full)
        // A user type value may stop before its last fields.
        #expect(try decoded(address, CQLValue.udt([.text("Main St")]).serialized()) == .udt([.text("Main St")]))
    }

    @Test func emptyAndMalformedValues() throws {
        #expect(try decoded(.int, []) == nil)
        #expect(try decoded(.text, []) == .text(""))
        #expect(throws: CQLProtocolError.self) { try decoded(.int, [1, 2]) }
        #expect(throws: CQLProtocolError.self) { try decoded(.ascii, [0xC3, 0xA9]) }
        #expect(throws: CQLProtocolError.self) { try decoded(.text, [0xFF]) }
        #expect(throws: CQLProtocolError.self) { try decoded(.inet, [1, 2, 3]) }
        #expect(throws: CQLProtocolError.self) { try decoded(.list(.int), [0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 1]) }
        #expect(throws: CQLProtocolError.self) { try decoded(.duration, [0x02, 0x04]) }
    }
}
