import SluiceCore
import Testing

@testable import SluiceParquet

/// Parquet schemas to columnar schemas, as pyarrow maps them, and leaf levels.
struct SchemaMappingTests {
    private func leaf(
        _ name: String, _ type: PhysicalType, _ repetition: FieldRepetitionType = .optional,
        converted: ConvertedType? = nil, logical: LogicalType? = nil, length: Int32? = nil, precision: Int32? = nil,
        scale: Int32? = nil
    ) -> SchemaElement {
        SchemaElement(
            name: name, type: type, typeLength: length, repetitionType: repetition, convertedType: converted,
            scale: scale, precision: precision, logicalType: logical)
    }

    private func group(
        _ name: String, _ repetition: FieldRepetitionType, children: Int, converted: ConvertedType? = nil,
        logical: LogicalType? = nil
    ) -> SchemaElement {
        SchemaElement(
            name: name, repetitionType: repetition, numChildren: Int32(children), convertedType: converted,
            logicalType: logical)
    }

    /// A schema whose root has `top` children.
    private func schema(top: Int, _ elements: [SchemaElement]) throws -> ParquetSchema {
        try ParquetSchema(elements: [SchemaElement(name: "schema", numChildren: Int32(top))] + elements)
    }

    /// The single top-level field of a schema whose root has one child (the elements after it).
    private func field(_ elements: [SchemaElement]) throws -> Field {
        let parsed = try ParquetSchema(elements: [SchemaElement(name: "schema", numChildren: 1)] + elements)
        return parsed.schema[0]
    }

    @Test func primitiveAndAnnotatedLeaves() throws {
        let cases: [(SchemaElement, DataType)] = [
            (leaf("a", .boolean), .boolean),
            (leaf("a", .int32), .int32),
            (leaf("a", .int64), .int64),
            (leaf("a", .int96), .timestamp(.nanosecond)),
            (leaf("a", .float), .float32),
            (leaf("a", .double), .float64),
            (leaf("a", .byteArray), .binary),
            (leaf("a", .fixedLenByteArray, length: 7), .fixedSizeBinary(byteWidth: 7)),
            (leaf("a", .byteArray, converted: .utf8), .string),
            (leaf("a", .byteArray, converted: .enum), .string),
            (leaf("a", .byteArray, converted: .json), .string),
            (leaf("a", .byteArray, converted: .bson), .binary),
            (leaf("a", .int32, converted: .decimal, precision: 9, scale: 2), .decimal(precision: 9, scale: 2)),
            (leaf("a", .int64, converted: .decimal, precision: 18, scale: 0), .decimal(precision: 18, scale: 0)),
            (
                leaf("a", .fixedLenByteArray, converted: .decimal, length: 16, precision: 38, scale: 5),
                .decimal(precision: 38, scale: 5)
            ),
            (leaf("a", .byteArray, converted: .decimal, precision: 4, scale: 2), .decimal(precision: 4, scale: 2)),
            (leaf("a", .int32, converted: .date), .date32),
            (leaf("a", .int32, converted: .timeMillis), .time(.millisecond)),
            (leaf("a", .int64, converted: .timeMicros), .time(.microsecond)),
            (leaf("a", .int64, converted: .timestampMillis), .timestamp(.millisecond, timezone: "UTC")),
            (leaf("a", .int64, converted: .timestampMicros), .timestamp(.microsecond, timezone: "UTC")),
            (leaf("a", .int32, converted: .int8), .int8),
            (leaf("a", .int32, converted: .int16), .int16),
            (leaf("a", .int32, converted: .int32), .int32),
            (leaf("a", .int64, converted: .int64), .int64),
            (leaf("a", .int32, converted: .uint8), .uint8),
            (leaf("a", .int32, converted: .uint16), .uint16),
            (leaf("a", .int32, converted: .uint32), .uint32),
            (leaf("a", .int64, converted: .uint64), .uint64),
            (leaf("a", .fixedLenByteArray, converted: .interval, length: 12), .fixedSizeBinary(byteWidth: 12)),
            (leaf("a", .byteArray, logical: .string), .string),
            (leaf("a", .int64, logical: .timestamp(isAdjustedToUTC: false, unit: .nanos)), .timestamp(.nanosecond)),
            (
                leaf("a", .int64, logical: .timestamp(isAdjustedToUTC: true, unit: .millis)),
                .timestamp(.millisecond, timezone: "UTC")
            ),
            (leaf("a", .int64, logical: .time(isAdjustedToUTC: false, unit: .nanos)), .time(.nanosecond)),
            (leaf("a", .int32, logical: .integer(bitWidth: 16, isSigned: false)), .uint16),
            (leaf("a", .fixedLenByteArray, logical: .uuid, length: 16), .fixedSizeBinary(byteWidth: 16)),
            (leaf("a", .fixedLenByteArray, logical: .float16, length: 2), .float16),
            (leaf("a", .int32, logical: .null), .int32),
            // The logical type wins over the converted type; an unknown one falls back to it.
            (
                leaf(
                    "a", .int64, converted: .timestampMillis, logical: .timestamp(isAdjustedToUTC: false, unit: .millis)
                ), .timestamp(.millisecond)
            ),
            (leaf("a", .byteArray, converted: .utf8, logical: .unrecognized(fieldId: 17)), .string),
            (leaf("a", .byteArray, logical: .unrecognized(fieldId: 17)), .binary),
        ]
        for (element, expected) in cases {
            let mapped = try field([element])
            #expect(mapped.dataType == expected, "\(element)")
            #expect(mapped.nullable)
        }
    }

    @Test func uuidFieldsAreMarked() throws {
        let mapped = try field([leaf("id", .fixedLenByteArray, .required, logical: .uuid, length: 16)])
        #expect(mapped.metadata["ARROW:extension:name"] == "arrow.uuid")
        #expect(!mapped.nullable)
    }

    @Test func unsupportedAndContradictoryAnnotationsThrow() throws {
        let wide = #expect(throws: ParquetError.self) {
            try field([leaf("d", .fixedLenByteArray, converted: .decimal, length: 32, precision: 76, scale: 2)])
        }
        #expect(wide?.kind == .unsupported)
        #expect(wide?.column == "d")
        #expect(throws: ParquetError.self) {
            try field([leaf("d", .int32, converted: .decimal, precision: 12, scale: 2)])
        }
        #expect(throws: ParquetError.self) { try field([leaf("d", .int64, converted: .date)]) }
        #expect(throws: ParquetError.self) { try field([leaf("d", .int32, logical: .uuid)]) }
    }

    @Test func threeLevelList() throws {
        let parsed = try schema(
            top: 1,
            [
                group("tags", .optional, children: 1, converted: .list, logical: .list),
                group("list", .repeated, children: 1),
                leaf("element", .byteArray, .optional, converted: .utf8),
            ])
        #expect(parsed.schema[0] == Field("tags", .list(Field("element", .string))))
        let column = try #require(parsed.columns.first)
        #expect(column.path == ["tags", "list", "element"])
        #expect(column.dottedPath == "tags.list.element")
        #expect(column.maxDefinitionLevel == 3)
        #expect(column.maxRepetitionLevel == 1)
        #expect(column.dataType == .string)
    }

    @Test func legacyTwoLevelLists() throws {
        // repeated primitive inside LIST: elements are required.
        #expect(
            try field([group("a", .required, children: 1, converted: .list), leaf("item", .int32, .repeated)])
                == Field("a", .list(Field("item", .int32, nullable: false)), nullable: false))
        // repeated group with several fields: a list of structs.
        #expect(
            try field([
                group("a", .optional, children: 1, converted: .list), group("element", .repeated, children: 2),
                leaf("x", .int32, .required), leaf("y", .int32),
            ])
                == Field(
                    "a",
                    .list(
                        Field(
                            "element", .struct([Field("x", .int32, nullable: false), Field("y", .int32)]),
                            nullable: false))))
        // A one-field group named `array` or `*_tuple` is the element itself.
        for name in ["array", "a_tuple"] {
            #expect(
                try field([
                    group("a", .optional, children: 1, converted: .list), group(name, .repeated, children: 1),
                    leaf("x", .int32, .required),
                ]) == Field("a", .list(Field(name, .struct([Field("x", .int32, nullable: false)]), nullable: false))))
        }
        // A repeated LIST group as the element (parquet-testing old_list_structure.parquet).
        #expect(
            try field([
                group("a", .required, children: 1, converted: .list),
                group("array", .repeated, children: 1, converted: .list),
                leaf("array", .int32, .repeated),
            ])
                == Field(
                    "a", .list(Field("array", .list(Field("array", .int32, nullable: false)), nullable: false)),
                    nullable: false))
    }

    @Test func unannotatedRepeatedFields() throws {
        let parsed = try schema(
            top: 2,
            [
                leaf("numbers", .int64, .repeated),
                group("phones", .repeated, children: 1),
                leaf("number", .int64, .required),
            ])
        #expect(parsed.schema[0] == Field("numbers", .list(Field("numbers", .int64, nullable: false)), nullable: false))
        #expect(
            parsed.schema[1]
                == Field(
                    "phones",
                    .list(Field("phones", .struct([Field("number", .int64, nullable: false)]), nullable: false)),
                    nullable: false))
        #expect(parsed.columns.map(\.maxDefinitionLevel) == [1, 1])
        #expect(parsed.columns.map(\.maxRepetitionLevel) == [1, 1])
    }

    @Test func maps() throws {
        for (converted, logical) in [(ConvertedType.map, LogicalType?.some(.map)), (.mapKeyValue, nil)] {
            let parsed = try schema(
                top: 1,
                [
                    group("m", .optional, children: 1, converted: converted, logical: logical),
                    group("key_value", .repeated, children: 2, converted: converted == .map ? nil : .mapKeyValue),
                    leaf("key", .byteArray, .required, converted: .utf8),
                    leaf("value", .int32, .optional),
                ])
            #expect(parsed.schema[0] == Field("m", .map(keys: .string, values: .int32)))
            #expect(parsed.columns.map(\.maxDefinitionLevel) == [2, 3])
            #expect(parsed.columns.map(\.maxRepetitionLevel) == [1, 1])
        }
        // A map without values is read as a list of its keys.
        #expect(
            try field([
                group("m", .required, children: 1, converted: .map), group("key_value", .repeated, children: 1),
                leaf("key", .int32, .required),
            ]) == Field("m", .list(Field("key", .int32, nullable: false)), nullable: false))
        // Nullable keys are refused, as pyarrow refuses them.
        #expect(throws: ParquetError.self) {
            try field([
                group("m", .optional, children: 1, converted: .map), group("key_value", .repeated, children: 2),
                leaf("key", .int32, .optional), leaf("value", .int32),
            ])
        }
    }

    @Test func structsAndLevels() throws {
        let parsed = try schema(
            top: 2,
            [
                group("a", .optional, children: 2),
                group("b", .required, children: 1),
                leaf("c", .int32, .optional),
                leaf("d", .double, .required),
                leaf("e", .boolean, .required),
            ])
        #expect(
            parsed.schema[0]
                == Field(
                    "a",
                    .struct([
                        Field("b", .struct([Field("c", .int32)]), nullable: false),
                        Field("d", .float64, nullable: false),
                    ])))
        #expect(parsed.columns.map(\.dottedPath) == ["a.b.c", "a.d", "e"])
        #expect(parsed.columns.map(\.maxDefinitionLevel) == [2, 1, 0])
        #expect(parsed.columns.map(\.maxRepetitionLevel) == [0, 0, 0])
        #expect(parsed.columns.map(\.index) == [0, 1, 2])
        #expect(parsed.root.children[0].firstColumnIndex == 0)
        #expect(parsed.root.children[1].firstColumnIndex == 2)
        #expect(parsed.column(named: "a.d")?.physicalType == .double)
    }

    @Test func fieldIdsBecomeFieldMetadata() throws {
        var element = leaf("a", .int32)
        element.fieldId = 42
        #expect(try field([element]).metadata == ["PARQUET:field_id": "42"])
    }

    @Test func malformedTreesThrow() throws {
        #expect(throws: ParquetError.self) { try ParquetSchema(elements: []) }
        // num_children promises more than there is.
        #expect(throws: ParquetError.self) {
            try ParquetSchema(elements: [SchemaElement(name: "r", numChildren: 3), leaf("a", .int32)])
        }
        // Elements left over after the tree.
        #expect(throws: ParquetError.self) {
            try ParquetSchema(elements: [
                SchemaElement(name: "r", numChildren: 1), leaf("a", .int32), leaf("b", .int32),
            ])
        }
        // Negative child count, a missing repetition.
        #expect(throws: ParquetError.self) {
            try ParquetSchema(elements: [SchemaElement(name: "r", numChildren: -1)])
        }
        #expect(throws: ParquetError.self) {
            try ParquetSchema(elements: [
                SchemaElement(name: "r", numChildren: 1), SchemaElement(name: "a", type: .int32),
            ])
        }
        // A chain of 10 000 nested groups is refused without overflowing the stack.
        var deep = [SchemaElement(name: "r", numChildren: 1)]
        for index in 0..<10_000 {
            deep.append(group("g\(index)", .optional, children: 1))
        }
        deep.append(leaf("x", .int32))
        let error = #expect(throws: ParquetError.self) { try ParquetSchema(elements: deep) }
        #expect(error?.detail.contains("deeper") == true)
    }

    @Test func rowGroupsMustHaveOneChunkPerLeaf() throws {
        var metadata = ParquetTestMetadata.sample
        metadata.rowGroups[1].columns.removeLast()
        let error = #expect(throws: ParquetError.self) { try ParquetSchema(metadata: metadata) }
        #expect(error?.rowGroup == 1)
        let parsed = try ParquetSchema(metadata: ParquetTestMetadata.sample)
        #expect(parsed.schema.metadata == ["writer": "sluice", "empty": ""])
        #expect(parsed.columns.count == 3)
    }
}
