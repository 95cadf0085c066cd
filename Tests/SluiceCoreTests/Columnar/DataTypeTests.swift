import SluiceCore
import Testing

@Suite("DataType")
struct DataTypeTests {
    @Test(arguments: [
        (DataType.boolean, "boolean"),
        (.int8, "int8"), (.int16, "int16"), (.int32, "int32"), (.int64, "int64"),
        (.uint8, "uint8"), (.uint16, "uint16"), (.uint32, "uint32"), (.uint64, "uint64"),
        (.float16, "float16"), (.float32, "float32"), (.float64, "float64"),
        (.decimal(precision: 18, scale: 2), "decimal(18,2)"),
        (.string, "string"), (.binary, "binary"), (.fixedSizeBinary(byteWidth: 16), "fixed_size_binary[16]"),
        (.date32, "date32"),
        (.time(.second), "time32[s]"), (.time(.millisecond), "time32[ms]"),
        (.time(.microsecond), "time64[us]"), (.time(.nanosecond), "time64[ns]"),
        (.timestamp(.microsecond, timezone: "UTC"), "timestamp[us, UTC]"),
        (.timestamp(.nanosecond), "timestamp[ns]"),
        (.list(of: .string), "list<string>"),
        (.list(of: .list(of: .int32)), "list<list<int32>>"),
        (.struct([Field("a", .int32), Field("b", .string)]), "struct<a: int32, b: string>"),
        (.struct([Field("id", .int64, nullable: false)]), "struct<id: int64 not null>"),
        (.map(keys: .string, values: .int64), "map<string, int64>"),
        (.map(keys: .int32, values: .list(of: .float64), keysSorted: true), "map<int32, list<float64>, keys_sorted>"),
    ])
    func descriptions(dataType: DataType, text: String) {
        #expect(dataType.description == text)
    }

    @Test func primitiveWidths() {
        #expect(DataType.int8.primitiveByteWidth == 1)
        #expect(DataType.float16.primitiveByteWidth == 2)
        #expect(DataType.date32.primitiveByteWidth == 4)
        #expect(DataType.time(.millisecond).primitiveByteWidth == 4)
        #expect(DataType.time(.microsecond).primitiveByteWidth == 8)
        #expect(DataType.timestamp(.second).primitiveByteWidth == 8)
        #expect(DataType.decimal(precision: 10, scale: 0).primitiveByteWidth == 16)
        #expect(DataType.boolean.primitiveByteWidth == nil)
        #expect(DataType.string.primitiveByteWidth == nil)
        #expect(DataType.list(of: .int8).isNested)
        #expect(!DataType.int8.isNested)
    }

    @Test func validation() throws {
        try DataType.decimal(precision: 38, scale: 10).validate()
        try DataType.decimal(precision: 5, scale: -2).validate()
        #expect(throws: ColumnarError.self) { try DataType.decimal(precision: 39, scale: 0).validate() }
        #expect(throws: ColumnarError.self) { try DataType.decimal(precision: 0, scale: 0).validate() }
        #expect(throws: ColumnarError.self) { try DataType.decimal(precision: 5, scale: 6).validate() }
        #expect(throws: ColumnarError.self) { try DataType.fixedSizeBinary(byteWidth: -1).validate() }
        let nullableKeys = DataType.map(key: Field("k", .string), value: Field("v", .int32))
        #expect(throws: ColumnarError.self) { try nullableKeys.validate() }
        // Nested types are checked recursively.
        #expect(throws: ColumnarError.self) {
            try DataType.list(of: .struct([Field("d", .decimal(precision: 40, scale: 0))])).validate()
        }
    }

    @Test func compatibilityIgnoresNestedNamesAndNullability() {
        let item = DataType.list(Field("item", .int64))
        let element = DataType.list(Field("element", .int64, nullable: false, metadata: ["k": "v"]))
        #expect(item != element)
        #expect(item.isCompatible(with: element))
        #expect(!item.isCompatible(with: .list(of: .int32)))
        #expect(
            DataType.map(keys: .string, values: .int64).isCompatible(
                with: .map(
                    key: Field("k", .string, nullable: false), value: Field("v", .int64, nullable: false))))
        #expect(
            !DataType.map(keys: .string, values: .int64).isCompatible(
                with: .map(
                    keys: .string, values: .int64, keysSorted: true)))
        // Struct field names matter.
        #expect(DataType.struct([Field("a", .int8)]).isCompatible(with: .struct([Field("a", .int8, nullable: false)])))
        #expect(!DataType.struct([Field("a", .int8)]).isCompatible(with: .struct([Field("b", .int8)])))
        #expect(!DataType.timestamp(.microsecond).isCompatible(with: .timestamp(.microsecond, timezone: "UTC")))
    }

    @Test func timeUnits() {
        #expect(TimeUnit.allCases.map(\.abbreviation) == ["s", "ms", "us", "ns"])
        #expect(TimeUnit.microsecond.perSecond == 1_000_000)
    }

    @Test func fieldDescriptionAndEquality() {
        let field = Field("id", .int64, nullable: false, metadata: ["comment": "key"])
        #expect(field.description == "id: int64 not null")
        #expect(Field("name", .string).description == "name: string")
        #expect(field != Field("id", .int64, nullable: false))
        #expect(Set([field, field]).count == 1)
    }
}
