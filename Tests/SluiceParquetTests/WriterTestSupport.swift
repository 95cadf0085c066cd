import Foundation
import SluiceCore
import SluiceStorage
import Testing

@testable import SluiceParquet

/// Sample batches of every type the writer maps, a scratch store, and the read-back helpers of
/// the writer tests.
enum WriterTestSupport {
    /// Writes `batches` to `key` and returns the footer.
    @discardableResult
    static func write(
        _ batches: [RecordBatch], schema: Schema, options: ParquetWriteOptions = ParquetWriteOptions(),
        to store: LocalObjectStore, key: String
    ) async throws -> FileMetaData {
        let writer = try await ParquetFileWriter(schema: schema, options: options, store: store, key: key)
        for batch in batches { try await writer.write(batch) }
        return try await writer.close()
    }

    /// Every row group of `key`, read with Sluice's reader.
    static func readBack(_ store: LocalObjectStore, _ key: String) async throws -> (ParquetFileReader, [RecordBatch]) {
        let reader = try await ParquetFileReader.open(store: store, key: key, threads: 2)
        var batches: [RecordBatch] = []
        for try await batch in reader.batches() { batches.append(batch) }
        return (reader, batches)
    }

    /// The rows of `batches` as JSON lines (NaN-safe, unlike array equality).
    static func rendered(_ batches: [RecordBatch]) -> [String] {
        batches.flatMap { batch in (0..<batch.numRows).map { RecordBatchJSONLines.line(batch, row: $0) } }
    }

    /// The column `name` of all `batches`, one array per batch.
    static func column(_ name: String, of batches: [RecordBatch]) -> [any ColumnArray] {
        batches.compactMap { $0.column(named: name) }
    }

    // MARK: Sample data

    /// Fields of every flat type, each nullable, plus one non-nullable column.
    static let flatFields: [Field] = [
        Field("bool", .boolean), Field("i8", .int8), Field("i16", .int16), Field("i32", .int32),
        Field("i64", .int64), Field("u8", .uint8), Field("u16", .uint16), Field("u32", .uint32),
        Field("u64", .uint64), Field("f16", .float16), Field("f32", .float32), Field("f64", .float64),
        Field("dec5", .decimal(precision: 5, scale: 2)), Field("dec15", .decimal(precision: 15, scale: 3)),
        Field("dec30", .decimal(precision: 30, scale: 4)), Field("str", .string), Field("bin", .binary),
        Field("fsb", .fixedSizeBinary(byteWidth: 3)),
        Field(
            "uuid", .fixedSizeBinary(byteWidth: 16),
            metadata: [LeafTypeMapping.extensionNameKey: LeafTypeMapping.uuidExtensionName]),
        Field("date", .date32), Field("time_ms", .time(.millisecond)), Field("time_us", .time(.microsecond)),
        Field("time_ns", .time(.nanosecond)), Field("ts_ms", .timestamp(.millisecond)),
        Field("ts_us_utc", .timestamp(.microsecond, timezone: "UTC")), Field("ts_ns", .timestamp(.nanosecond)),
        Field("required_i64", .int64, nullable: false),
    ]

    static let structFields = [Field("a", .int64), Field("b", .string)]

    /// Nested fields: lists, lists of structs, structs holding lists, maps, lists of lists.
    static let nestedFields: [Field] = [
        Field("ints", .list(Field("element", .int32))),
        Field("structs", .list(Field("element", .struct(structFields)))),
        Field("record", .struct([Field("x", .int32), Field("tags", .list(Field("element", .string)))])),
        Field(
            "attributes",
            .map(key: Field("key", .string, nullable: false), value: Field("value", .float64), keysSorted: false)),
        Field("matrix", .list(Field("element", .list(Field("element", .int64))))),
        Field("required_list", .list(Field("element", .int32, nullable: false)), nullable: false),
    ]

    /// A batch of `fields` (from `flatFields` and `nestedFields`) with `rows` rows: values from
    /// `seed`, and nulls (at every level of nested fields) and empty lists every few rows.
    static func batch(_ fields: [Field], rows: Int, seed: UInt64) throws -> RecordBatch {
        var random = SplitMix64(seed: seed)
        let columns = try fields.map { try column($0, rows: rows, random: &random) }
        return try RecordBatch(schema: Schema(fields), columns: columns)
    }

    private static func column(_ field: Field, rows: Int, random: inout SplitMix64) throws -> any ColumnArray {
        let nulls = field.nullable
        func isNull(_ index: Int) -> Bool { nulls && index % 7 == 3 }
        func ints<T: FixedWidthInteger & FixedWidthValue>(_ type: T.Type, _ dataType: DataType) -> PrimitiveArray<T> {
            var generator = random
            let values: [T?] = (0..<rows).map { isNull($0) ? nil : T(truncatingIfNeeded: generator.next()) }
            random = generator
            return PrimitiveArray(values, dataType: dataType)
        }
        switch field.dataType {
        case .boolean:
            return BooleanArray((0..<rows).map { isNull($0) ? nil : random.next() % 3 == 0 })
        case .int8: return ints(Int8.self, .int8)
        case .int16: return ints(Int16.self, .int16)
        case .int32: return ints(Int32.self, .int32)
        case .int64: return ints(Int64.self, .int64)
        case .uint8: return ints(UInt8.self, .uint8)
        case .uint16: return ints(UInt16.self, .uint16)
        case .uint32: return ints(UInt32.self, .uint32)
        case .uint64: return ints(UInt64.self, .uint64)
        case .float16:
            return Float16Array(
                (0..<rows).map { isNull($0) ? nil : HalfFloat.bits(from: Float(Int(random.next() % 2001) - 1000) / 8) },
                dataType: .float16)
        case .float32:
            return Float32Array(
                (0..<rows).map { isNull($0) ? nil : Float(Int64(bitPattern: random.next()) % 100_000) / 3 })
        case .float64:
            return Float64Array((0..<rows).map { isNull($0) ? nil : Double(Int64(bitPattern: random.next())) / 7e9 })
        case .decimal(let precision, _):
            var limit: Int128 = 1
            for _ in 0..<precision { limit *= 10 }
            return Decimal128Array(
                (0..<rows).map { _ -> Int128? in
                    let wide = Int128(Int64(bitPattern: random.next())) * Int128(Int64(bitPattern: random.next()))
                    return wide % limit
                }.enumerated().map { isNull($0.offset) ? nil : $0.element }, dataType: field.dataType)
        case .string:
            return StringArray(
                (0..<rows).map { isNull($0) ? nil : "s\(random.next() % 1000)-\($0 % 5 == 0 ? "" : "é")" })
        case .binary:
            return BinaryArray(
                (0..<rows).map { index in
                    isNull(index)
                        ? nil : (0..<Int(random.next() % 6)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                })
        case .fixedSizeBinary(let width):
            return FixedSizeBinaryArray(
                byteWidth: width,
                (0..<rows).map { index in
                    isNull(index) ? nil : (0..<width).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                })
        case .date32:
            return Date32Array(
                (0..<rows).map { isNull($0) ? nil : Int32(Int64(bitPattern: random.next()) % 40_000) },
                dataType: .date32)
        case .time(let unit):
            let day: Int64 =
                [.second: 86_400, .millisecond: 86_400_000, .microsecond: 86_400_000_000][unit] ?? 86_400_000_000_000
            if unit == .second || unit == .millisecond {
                return Time32Array(
                    (0..<rows).map { isNull($0) ? nil : Int32(Int64(random.next() % UInt64(day))) },
                    dataType: field.dataType)
            }
            return Time64Array(
                (0..<rows).map { isNull($0) ? nil : Int64(random.next() % UInt64(day)) }, dataType: field.dataType)
        case .timestamp:
            return TimestampArray(
                (0..<rows).map { isNull($0) ? nil : Int64(bitPattern: random.next()) % 4_000_000_000_000 },
                dataType: field.dataType)
        case .list(let element):
            // Row pattern: null (when nullable), empty, then 1...3 elements.
            var lengths: [Int] = []
            var validity: [Bool] = []
            for index in 0..<rows {
                let null = nulls && index % 5 == 1
                validity.append(!null)
                lengths.append(null || index % 5 == 2 ? 0 : Int(random.next() % 3) + 1)
            }
            let values = try column(element, rows: lengths.reduce(0, +), random: &random)
            return try ListArray(
                elementField: element, offsets: OffsetBuffer(lengths: lengths), values: values,
                validity: nulls ? ValidityBitmap(validity) : nil)
        case .struct(let fields):
            let children = try fields.map { try column($0, rows: rows, random: &random) }
            return try StructArray(
                fields: fields, children: children,
                validity: nulls ? ValidityBitmap((0..<rows).map { $0 % 6 != 4 }) : nil, count: rows)
        case .map(let key, let value, _):
            var lengths: [Int] = []
            for index in 0..<rows { lengths.append(index % 4 == 1 ? 0 : Int(random.next() % 3) + 1) }
            let entries = lengths.reduce(0, +)
            let keys = StringArray((0..<entries).map { "k\($0 % 4)" })
            let values = try column(value, rows: entries, random: &random)
            return try MapArray(
                keyField: key, valueField: value, offsets: OffsetBuffer(lengths: lengths), keys: keys, values: values,
                validity: nulls ? ValidityBitmap((0..<rows).map { $0 % 4 != 2 }) : nil)
        }
    }

    // MARK: Oracle

    /// The JSON lines `Oracles/roundtrip_oracle.py` prints for `arguments`.
    static func runOracle(python: URL, _ arguments: [String]) async throws -> [[String: Any]] {
        try await PythonOracle.jsonLines(script: "roundtrip_oracle.py", python: python, arguments)
    }
}
