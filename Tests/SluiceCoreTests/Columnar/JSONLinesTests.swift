import SluiceCore
import Testing

/// The text `sluice parquet cat` prints for every type, from hand-built arrays.
@Suite struct JSONLinesTests {
    func json(_ array: any ColumnArray, _ field: Field? = nil) throws -> [String] {
        let field = field ?? Field("c", array.dataType)
        let batch = try RecordBatch(schema: Schema([field]), columns: [array])
        return (0..<batch.numRows).map { RecordBatchJSONLines.line(batch, row: $0) }
    }

    @Test func integersBooleansAndNulls() throws {
        #expect(
            try json(Int64Array([1, nil, -9_223_372_036_854_775_808])) == [
                #"{"c":1}"#, #"{"c":null}"#, #"{"c":-9223372036854775808}"#,
            ])
        #expect(try json(UInt64Array([UInt64.max])) == [#"{"c":18446744073709551615}"#])
        #expect(try json(BooleanArray([true, nil, false])) == [#"{"c":true}"#, #"{"c":null}"#, #"{"c":false}"#])
    }

    @Test func floatsRoundTripAndNamesForNaN() throws {
        #expect(
            try json(Float64Array([0.1, .nan, .infinity, -.infinity, 1e300, 1.0])) == [
                #"{"c":0.1}"#, #"{"c":"NaN"}"#, #"{"c":"Infinity"}"#, #"{"c":"-Infinity"}"#, #"{"c":1e+300}"#,
                #"{"c":1.0}"#,
            ])
        #expect(try json(Float32Array([1.1, .nan])) == [#"{"c":1.1}"#, #"{"c":"NaN"}"#])
        let half = Float16Array([HalfFloat.bits(from: 1.5), 0x7E00], dataType: .float16)
        #expect(try json(half) == [#"{"c":1.5}"#, #"{"c":"NaN"}"#])
    }

    @Test func decimalsKeepExactlyTheScale() throws {
        let values = Decimal128Array([1230, -5, 0, nil, 123], dataType: .decimal(precision: 10, scale: 2))
        #expect(
            try json(values) == [
                #"{"c":"12.30"}"#, #"{"c":"-0.05"}"#, #"{"c":"0.00"}"#, #"{"c":null}"#, #"{"c":"1.23"}"#,
            ])
        #expect(DecimalText.format(42, scale: 0) == "42")
        #expect(DecimalText.format(Int128.max, scale: 38) == "1.70141183460469231731687303715884105727")
    }

    @Test func stringsAreEscapedAndBinaryIsBase64() throws {
        #expect(
            try json(StringArray(["a\"b\\\n", "é", nil])) == [
                #"{"c":"a\"b\\\n"}"#, #"{"c":"é"}"#, #"{"c":null}"#,
            ])
        #expect(
            try json(BinaryArray([[0, 1, 2, 3], [], [0xFF]])) == [
                #"{"c":"AAECAw=="}"#, #"{"c":""}"#, #"{"c":"/w=="}"#,
            ])
        #expect(try json(FixedSizeBinaryArray(byteWidth: 3, [[1, 2, 3]])) == [#"{"c":"AQID"}"#])
    }

    @Test func uuidByExtensionName() throws {
        let bytes: [UInt8] = [
            0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3, 0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40, 0x00,
        ]
        let array = FixedSizeBinaryArray(byteWidth: 16, [bytes])
        let field = Field("u", .fixedSizeBinary(byteWidth: 16), metadata: ["ARROW:extension:name": "arrow.uuid"])
        #expect(try json(array, field) == [#"{"u":"123e4567-e89b-12d3-a456-426614174000"}"#])
    }

    @Test func datesTimesAndTimestamps() throws {
        #expect(
            try json(Date32Array([0, -1, 19_000], dataType: .date32)) == [
                #"{"c":"1970-01-01"}"#, #"{"c":"1969-12-31"}"#, #"{"c":"2022-01-08"}"#,
            ])
        #expect(try json(Time64Array([3_723_000_001], dataType: .time(.microsecond))) == [#"{"c":"01:02:03.000001"}"#])
        #expect(try json(Time64Array([1], dataType: .time(.nanosecond))) == [#"{"c":"00:00:00.000000001"}"#])
        #expect(try json(Time32Array([1500], dataType: .time(.millisecond))) == [#"{"c":"00:00:01.500000"}"#])
        let utc = TimestampArray([1_700_000_000_123_456, -1], dataType: .timestamp(.microsecond, timezone: "UTC"))
        #expect(try json(utc) == [#"{"c":"2023-11-14T22:13:20.123456Z"}"#, #"{"c":"1969-12-31T23:59:59.999999Z"}"#])
        let wall = TimestampArray([1_000_000_001, nil], dataType: .timestamp(.nanosecond))
        #expect(try json(wall) == [#"{"c":"1970-01-01T00:00:01.000000001"}"#, #"{"c":null}"#])
        let seconds = TimestampArray([86_400], dataType: .timestamp(.second))
        #expect(try json(seconds) == [#"{"c":"1970-01-02T00:00:00.000000"}"#])
    }

    @Test func nestedListsStructsAndMaps() throws {
        let items = Int32Array([1, 2, nil])
        let list = try ListArray(
            elementField: Field("item", .int32), offsets: OffsetBuffer([0, 2, 2, 3]), values: items,
            validity: ValidityBitmap([true, false, true]))
        #expect(try json(list) == [#"{"c":[1,2]}"#, #"{"c":null}"#, #"{"c":[null]}"#])

        let fields = [Field("a", .int64), Field("b", .string)]
        let structArray = try StructArray(
            fields: fields, children: [Int64Array([1, 2]), StringArray(["x", nil])],
            validity: ValidityBitmap([true, false]))
        #expect(try json(structArray) == [#"{"c":{"a":1,"b":"x"}}"#, #"{"c":null}"#])

        let map = try MapArray(
            keyField: Field("key", .string, nullable: false), valueField: Field("value", .float64),
            offsets: OffsetBuffer([0, 2, 2]), keys: StringArray(["k1", "k2"]), values: Float64Array([0.5, nil]))
        #expect(try json(map) == [#"{"c":[{"key":"k1","value":0.5},{"key":"k2","value":null}]}"#, #"{"c":[]}"#])
    }

    @Test func severalColumnsAndCSV() throws {
        let batch = try RecordBatch(columns: [
            "id": Int64Array([1, nil]), "name": StringArray(["a,\"b\"", ""]), "x": Float64Array([.nan, 2.5]),
        ])
        #expect(
            RecordBatchJSONLines.render(batch) == """
                {"id":1,"name":"a,\\"b\\"","x":"NaN"}
                {"id":null,"name":"","x":2.5}

                """)
        #expect(RecordBatchCSV.header(batch.schema) == "id,name,x\n")
        #expect(RecordBatchCSV.render(batch) == "1,\"a,\"\"b\"\"\",NaN\n,\"\",2.5\n")
    }
}
