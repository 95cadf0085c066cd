import Foundation
import SluiceCore
import Testing

@testable import SluiceParquet

/// Checks the `ARROW:schema` message by having pyarrow decode it (`pa.ipc.read_schema`).
struct ArrowSchemaMessageTests {
    private static let schema = Schema(
        [
            Field("a", .int64, nullable: false),
            Field("t", .timestamp(.microsecond, timezone: "Europe/Paris")),
            Field("l", .list(Field("item", .string, nullable: false))),
            Field("m", .map(keys: .string, values: .int32, keysSorted: true)),
            Field(
                "s", .struct([Field("x", .decimal(precision: 20, scale: 3)), Field("y", .time(.nanosecond))]),
                metadata: ["k": "v"]),
            Field("u", .uint16),
            Field("h", .float16),
            Field("f", .fixedSizeBinary(byteWidth: 16)),
            Field("d", .date32),
            Field("tm", .time(.millisecond)),
            Field("b", .boolean),
            Field("bin", .binary),
            Field("i8", .int8),
            Field("ts", .timestamp(.second)),
            Field("dbl", .float64),
        ],
        metadata: ["origin": "sluice"])

    /// pyarrow's `to_string` of `schema`, as pyarrow 26 prints it.
    private static let expected = """
        a: int64 not null
        t: timestamp[us, tz=Europe/Paris]
        l: list<item: string not null>
          child 0, item: string not null
        m: map<string, int32, keys_sorted>
          child 0, entries: struct<key: string not null, value: int32> not null
              child 0, key: string not null
              child 1, value: int32
        s: struct<x: decimal128(20, 3), y: time64[ns]>
          child 0, x: decimal128(20, 3)
          child 1, y: time64[ns]
          -- field metadata --
          k: 'v'
        u: uint16
        h: halffloat
        f: fixed_size_binary[16]
        d: date32[day]
        tm: time32[ms]
        b: bool
        bin: binary
        i8: int8
        ts: timestamp[s]
        dbl: double
        -- schema metadata --
        origin: 'sluice'

        """

    @Test func messageIsEightByteAlignedAndStartsWithTheContinuationMarker() {
        let bytes = ArrowSchemaMessage.encapsulated(Self.schema)
        #expect(Array(bytes.prefix(4)) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(bytes.count % 8 == 0)
        let length = bytes[4..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(length == bytes.count - 8)
    }

    @Test func pyarrowDecodesEveryType() async throws {
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow")
            return
        }
        let script = """
            import base64, sys, pyarrow as pa
            schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(sys.argv[1])))
            print(schema.to_string(show_field_metadata=True, show_schema_metadata=True))
            """
        let text = try await PythonOracle.run(python, ["-c", script, ArrowSchemaMessage.base64Encoded(Self.schema)])
        #expect(text == Self.expected)
    }
}
