import SluiceCore
import SluiceParquet
import Testing

/// Hand-built snappy blocks (google/snappy `format_description.txt`), checked against the expected
/// bytes and against a byte-at-a-time reference decoder.
@Suite("Snappy vectors")
struct SnappyVectorTests {
    let snappy = PageCodec(.snappy)

    // MARK: Building blocks

    static func varint(_ value: Int) -> [UInt8] {
        var value = value
        var bytes = [UInt8]()
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
        return bytes
    }

    static func literal(_ bytes: [UInt8]) -> [UInt8] {
        let stored = bytes.count - 1
        if stored < 60 { return [UInt8(stored << 2)] + bytes }
        var extra = [UInt8]()
        var value = stored
        while value > 0 {
            extra.append(UInt8(value & 0xFF))
            value >>= 8
        }
        return [UInt8((59 + extra.count) << 2)] + extra + bytes
    }

    static func copy1(length: Int, offset: Int) -> [UInt8] {
        [UInt8(1 | ((length - 4) << 2) | ((offset >> 8) << 5)), UInt8(offset & 0xFF)]
    }

    static func copy2(length: Int, offset: Int) -> [UInt8] {
        [UInt8(2 | ((length - 1) << 2)), UInt8(offset & 0xFF), UInt8(offset >> 8)]
    }

    static func copy4(length: Int, offset: Int) -> [UInt8] {
        [UInt8(3 | ((length - 1) << 2))] + (0..<4).map { UInt8((offset >> (8 * $0)) & 0xFF) }
    }

    static func block(_ elements: [UInt8]..., length: Int) -> [UInt8] {
        varint(length) + elements.joined()
    }

    /// The reference: the format description read literally, one byte at a time.
    static func referenceDecode(_ block: [UInt8]) -> [UInt8]? {
        var index = 0
        var length = 0
        var shift = 0
        while true {
            guard index < block.count else { return nil }
            let byte = Int(block[index])
            index += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80 { break }
        }
        var output = [UInt8]()
        while index < block.count {
            let tag = Int(block[index])
            index += 1
            var count = 0
            var offset = 0
            switch tag & 3 {
            case 0:
                count = (tag >> 2) + 1
                if count > 60 {
                    let extra = count - 60
                    guard index + extra <= block.count else { return nil }
                    count = (0..<extra).reduce(0) { $0 | Int(block[index + $1]) << (8 * $1) } + 1
                    index += extra
                }
                guard index + count <= block.count else { return nil }
                output += block[index..<index + count]
                index += count
                continue
            case 1:
                guard index < block.count else { return nil }
                count = ((tag >> 2) & 7) + 4
                offset = (tag >> 5) << 8 | Int(block[index])
                index += 1
            case 2:
                guard index + 2 <= block.count else { return nil }
                count = (tag >> 2) + 1
                offset = Int(block[index]) | Int(block[index + 1]) << 8
                index += 2
            default:
                guard index + 4 <= block.count else { return nil }
                count = (tag >> 2) + 1
                offset = (0..<4).reduce(0) { $0 | Int(block[index + $1]) << (8 * $1) }
                index += 4
            }
            guard offset > 0, offset <= output.count else { return nil }
            for _ in 0..<count { output.append(output[output.count - offset]) }
        }
        return output.count == length ? output : nil
    }

    func decode(_ block: [UInt8], _ size: Int) throws -> [UInt8] {
        try CodecTestSupport.decompress(snappy, block, uncompressedSize: size)
    }

    // MARK: Vectors

    @Test func emptyBlock() throws {
        #expect(try decode([0x00], 0) == [])
    }

    @Test func literalOnly() throws {
        #expect(try decode([0x05, 0x10] + Array("hello".utf8), 5) == Array("hello".utf8))
    }

    @Test func literalLengthsWithOneToFourExtraBytes() throws {
        for count in [1, 16, 17, 60, 61, 255, 256, 257, 65_535, 65_536, 65_537, 70_000, 16_777_217] {
            let bytes = CodecTestSupport.randomBytes(count, seed: UInt64(count))
            let encoded = Self.literal(bytes)
            let expectedExtra =
                count <= 60 ? 0 : count - 1 < 256 ? 1 : count - 1 < 65_536 ? 2 : count - 1 < 1 << 24 ? 3 : 4
            #expect(encoded.count == 1 + expectedExtra + count)
            #expect(try decode(Self.varint(count) + encoded, count) == bytes, "literal of \(count)")
        }
        // A 4-byte literal length, written with an explicit tag 63.
        let bytes = CodecTestSupport.randomBytes(300, seed: 9)
        let tag63: [UInt8] = [63 << 2, 0x2B, 0x01, 0x00, 0x00]  // 299 = 0x12B
        #expect(try decode(Self.varint(300) + tag63 + bytes, 300) == bytes)
    }

    @Test func copyWithOneByteOffset() throws {
        // "abcd" then 8 bytes from 4 back: an overlapping copy-1.
        let block = Self.block(Self.literal(Array("abcd".utf8)), [0x11, 0x04], length: 12)
        #expect(block == [0x0C, 0x0C, 0x61, 0x62, 0x63, 0x64, 0x11, 0x04])
        #expect(try decode(block, 12) == Array("abcdabcdabcd".utf8))
    }

    @Test func copyWithOneByteOffsetUsesTheHighOffsetBits() throws {
        let prefix = CodecTestSupport.randomBytes(2000, seed: 5)
        let block = Self.block(Self.literal(prefix), Self.copy1(length: 11, offset: 1500), length: 2011)
        #expect(block.suffix(2) == [0xBD, 0xDC])  // 1 | 7 << 2 | 5 << 5, 1500 & 0xFF
        #expect(try decode(block, 2011) == prefix + prefix[500..<511])
    }

    @Test func copyWithTwoByteOffset() throws {
        let prefix = CodecTestSupport.randomBytes(40_000, seed: 6)
        let block = Self.block(Self.literal(prefix), Self.copy2(length: 64, offset: 40_000), length: 40_064)
        #expect(try decode(block, 40_064) == prefix + prefix[0..<64])
    }

    @Test func copyWithFourByteOffset() throws {
        let prefix = CodecTestSupport.randomBytes(70_000, seed: 7)
        let block = Self.block(Self.literal(prefix), Self.copy4(length: 33, offset: 69_999), length: 70_033)
        #expect(try decode(block, 70_033) == prefix + prefix[1..<34])
        // Small offsets in a 4-byte field are legal too.
        let small = Self.block(Self.literal([1, 2, 3]), Self.copy4(length: 10, offset: 3), length: 13)
        #expect(try decode(small, 13) == [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1])
    }

    @Test func runLengthWithOffsetOne() throws {
        let block = Self.block(Self.literal([0x61]), [0xFE, 0x01, 0x00], length: 65)
        #expect(try decode(block, 65) == [UInt8](repeating: 0x61, count: 65))
    }

    @Test func everyOverlappingOffsetAndLength() throws {
        // Every offset 1…20 with every length 1…64, at the end of the block (no room for the fast
        // path) and followed by a literal (room for it), against the reference decoder.
        for offset in 1...20 {
            for length in 1...64 {
                let prefix = (0..<offset).map { UInt8($0 + 1) }
                let tail: [UInt8] = [0xEE]
                for withTail in [false, true] {
                    let total = offset + length + (withTail ? tail.count : 0)
                    var elements =
                        Self.varint(total) + Self.literal(prefix) + Self.copy2(length: length, offset: offset)
                    if withTail { elements += Self.literal(tail) }
                    let expected = try #require(Self.referenceDecode(elements))
                    #expect(try decode(elements, total) == expected, "offset \(offset) length \(length)")
                }
            }
        }
    }

    @Test func chainsOfShortCopies() throws {
        // Many short copies in a row, each reading what the one before wrote.
        var elements = Self.literal(Array("0123456789".utf8))
        var total = 10
        var random = SplitMix64(seed: 8)
        for _ in 0..<2000 {
            let offset = Int(random.next() % UInt64(min(total, 2047))) + 1
            let length = Int(random.next() % 8) + 4
            elements += Self.copy1(length: length, offset: offset)
            total += length
        }
        let block = Self.varint(total) + elements
        let expected = try #require(Self.referenceDecode(block))
        #expect(try decode(block, total) == expected)
    }

    @Test func ourCompressorAgreesWithTheReferenceDecoder() throws {
        for (name, input) in CodecTestSupport.sampleInputs() {
            let compressed = try CodecTestSupport.compress(snappy, input)
            #expect(Self.referenceDecode(compressed) == input, "\(name)")
        }
    }

    @Test func ourCompressorUsesCopies() throws {
        let input = Array(String(repeating: "parquet ", count: 100).utf8)
        let compressed = try CodecTestSupport.compress(snappy, input)
        #expect(compressed.count < 60)
        #expect(Array(compressed.prefix(2)) == Self.varint(800))
    }
}
