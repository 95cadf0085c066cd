import SluiceCore
import Testing

@testable import SluiceParquet

/// Byte vectors from the Thrift compact protocol spec, and robustness against damaged input.
struct ThriftCompactTests {
    /// Runs `body` with a reader over `bytes`.
    private func read<T>(_ bytes: [UInt8], _ body: (inout ThriftCompactReader) throws(ParquetError) -> T) throws -> T {
        try bytes.withUnsafeBytes { buffer in
            var reader = ThriftCompactReader(buffer)
            return try body(&reader)
        }
    }

    @Test func varintsAndZigzag() throws {
        #expect(try read([0x96, 0x01]) { (reader) throws(ParquetError) in try reader.readVarint() } == 150)
        #expect(try read([0x01]) { (reader) throws(ParquetError) in try reader.readI32() } == -1)
        #expect(try read([0x04]) { (reader) throws(ParquetError) in try reader.readI32() } == 2)
        #expect(
            try read([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) { (reader) throws(ParquetError) in try reader.readI32() }
                == Int32.min)
        let maxI64: [UInt8] = [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        #expect(try read(maxI64) { (reader) throws(ParquetError) in try reader.readI64() } == Int64.max)
        var writer = ThriftCompactWriter()
        writer.writeI64(Int64.max)
        writer.writeI32(-1)
        writer.writeVarint(150)
        #expect(writer.bytes == maxI64 + [0x01, 0x96, 0x01])
    }

    @Test func fieldHeadersUseDeltasAndLongForm() throws {
        // id 1 i32 = 1; id 20 (a jump of 19: long form, zigzag 40) i32 = 2; id 21 bool true;
        // id 23 bool false; stop
        let bytes: [UInt8] = [0x15, 0x02, 0x05, 0x28, 0x04, 0x11, 0x22, 0x00]
        let fields = try read(bytes) { (reader) throws(ParquetError) -> [String] in
            var seen: [String] = []
            try reader.readStruct("Test") { (reader, field) throws(ParquetError) in
                switch field.type {
                case .i32: seen.append("\(field.id)=\(try reader.readI32(field))")
                default: seen.append("\(field.id)=\(try reader.readBool(field))")
                }
            }
            return seen
        }
        #expect(fields == ["1=1", "20=2", "21=true", "23=false"])

        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.writeField(1, i32: 1)
            writer.writeField(20, i32: 2)
            writer.writeField(21, bool: true)
            writer.writeField(23, bool: false)
        }
        #expect(writer.bytes == bytes)
    }

    @Test func binaryListsAndNestedStructs() throws {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.writeField(1, string: "abc")
            writer.writeField(2, list: [1, 2, 3], elementType: .i32) { writer, value in writer.writeI32(value) }
            writer.writeField(3, struct: KeyValue(key: "k", value: nil))
            writer.writeField(4, list: Array(repeating: Int32(7), count: 20), elementType: .i32) { writer, value in
                writer.writeI32(value)
            }
        }
        #expect(
            Array(writer.bytes.prefix(14)) == [
                0x18, 0x03, 0x61, 0x62, 0x63, 0x19, 0x35, 0x02, 0x04, 0x06, 0x1C, 0x18, 0x01, 0x6B,
            ])
        // The list of 20 uses the long size form: 0xF5 then varint 20.
        #expect(Array(writer.bytes[15...17]) == [0x19, 0xF5, 20])
        let decoded = try read(writer.bytes) { (reader) throws(ParquetError) -> (String, [Int32], KeyValue, Int) in
            var text = ""
            var list: [Int32] = []
            var keyValue = KeyValue(key: "", value: nil)
            var longCount = 0
            try reader.readStruct("Test") { (reader, field) throws(ParquetError) in
                switch field.id {
                case 1: text = try reader.readString(field)
                case 2:
                    list = try reader.readList(field, elementType: .i32) { (reader) throws(ParquetError) in
                        try reader.readI32()
                    }
                case 3: keyValue = try reader.readStruct(field)
                default:
                    longCount = try reader.readList(field, elementType: .i32) { (reader) throws(ParquetError) in
                        try reader.readI32()
                    }.count
                }
            }
            return (text, list, keyValue, longCount)
        }
        #expect(decoded.0 == "abc")
        #expect(decoded.1 == [1, 2, 3])
        #expect(decoded.2 == KeyValue(key: "k", value: nil))
        #expect(decoded.3 == 20)
    }

    @Test func unknownFieldsOfEveryTypeAreSkipped() throws {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.writeField(1, string: "key")
            writer.writeField(3, bool: true)
            writer.writeField(4, i8: -3)
            writer.writeField(5, i16: 300)
            writer.writeField(6, i32: -70_000)
            writer.writeField(7, i64: 1 << 40)
            writer.writeFieldHeader(8, .double)
            writer.writeDouble(3.5)
            writer.writeField(9, binary: [1, 2, 3])
            writer.writeField(10, list: [true, false], elementType: .boolTrue) { writer, value in
                writer.writeBool(value)
            }
            writer.writeFieldHeader(11, .set)
            writer.writeListHeader(.binary, count: 2)
            writer.writeString("x")
            writer.writeString("y")
            writer.writeFieldHeader(12, .map)
            writer.writeMapHeader(keyType: .binary, valueType: .struct, count: 1)
            writer.writeString("entry")
            KeyValue(key: "nested", value: "struct").write(to: &writer)
            writer.writeFieldHeader(13, .map)
            writer.writeMapHeader(keyType: .i32, valueType: .i32, count: 0)
            writer.writeField(14, struct: Statistics(nullCount: 1, isMaxValueExact: true))
            writer.writeField(15, list: [[Int32(1)], [2, 3]], elementType: .list) { writer, inner in
                writer.writeListHeader(.i32, count: inner.count)
                for value in inner { writer.writeI32(value) }
            }
            writer.writeField(300, string: "far away id")
            writer.writeField(2, string: "value")  // a smaller id after larger ones: long form
        }
        let decoded = try KeyValue(thriftBytes: writer.bytes)
        #expect(decoded == KeyValue(key: "key", value: "value"))
    }

    @Test func truncatedInputThrowsNamingTheStruct() throws {
        let bytes = ParquetTestMetadata.sample.thriftBytes()
        for length in 0..<bytes.count {
            let error = #expect(throws: ParquetError.self) {
                try FileMetaData(thriftBytes: Array(bytes.prefix(length)))
            }
            #expect(error?.kind == .invalidMetadata)
        }
        let error = #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: Array(bytes.prefix(40))) }
        // Byte 40 is inside the `name` column's LogicalType.
        #expect(error?.detail == "truncated byte (in LogicalType at byte 40)")
    }

    @Test func hostileSizesAndNestingAreRefused() throws {
        // A list claiming 2^32 elements in a 7-byte buffer: refused before any allocation.
        let hugeList: [UInt8] = [0x29, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        let listError = #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: hugeList) }
        #expect(listError?.detail.contains("exceeds") == true)
        // A binary claiming 1 GiB.
        let hugeBinary: [UInt8] = [0x68, 0x80, 0x80, 0x80, 0x80, 0x04, 0x00]
        #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: hugeBinary) }
        // A million nested structs in an unknown field: the depth cap stops it.
        let deep = [UInt8](repeating: 0xFC, count: 1_000_000)
        let deepError = #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: deep) }
        #expect(deepError?.detail.contains("nesting") == true)
        // Nested lists likewise.
        let deepLists = [0x99] + [UInt8](repeating: 0x19, count: 100_000)
        #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: deepLists) }
        // An 11-byte varint.
        let longVarint: [UInt8] = [0x15] + [UInt8](repeating: 0xFF, count: 11)
        let varintError = #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: longVarint) }
        #expect(varintError?.detail.contains("varint") == true)
        // A field of the wrong type for its id is skipped (as generated Thrift code does), so the
        // required field is then missing.
        let wrongType: [UInt8] = [0x18, 0x00, 0x00]
        let typeError = #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: wrongType) }
        #expect(typeError?.detail.contains("missing required field version") == true)
        // An unknown element type nibble.
        let badType: [UInt8] = [0x1D, 0x00]
        #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: badType) }
    }

    /// Flips and truncates bytes of a valid footer (fixed seed): every case must throw a
    /// `ParquetError` or decode, never crash or hang.
    @Test func fuzzedFootersThrowOrDecode() throws {
        let valid = ParquetTestMetadata.sample.thriftBytes()
        var random = SplitMix64(seed: 0x5EED_F00D)
        var decoded = 0
        var failed = 0
        for _ in 0..<4000 {
            var bytes = valid
            let flips = Int.random(in: 1...4, using: &random)
            for _ in 0..<flips {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] ^= UInt8.random(in: 1...255, using: &random)
            }
            if Bool.random(using: &random) {
                bytes.removeLast(Int.random(in: 0..<bytes.count, using: &random))
            }
            do {
                let metadata = try FileMetaData(thriftBytes: bytes)
                _ = metadata.thriftBytes()
                _ = try? ParquetSchema(metadata: metadata)
                decoded += 1
            } catch {
                failed += 1
            }
        }
        #expect(decoded + failed == 4000)
        #expect(failed > 0)
    }
}

/// Shared sample metadata for the Thrift and metadata tests.
enum ParquetTestMetadata {
    static let sample = MetadataTestSupport.sampleMetadata(rowGroups: 3)
}
