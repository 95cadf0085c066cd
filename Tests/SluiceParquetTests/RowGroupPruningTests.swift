import Foundation
import SluiceCore
import SluiceParquet
import SluiceStorage
import Testing

/// `RowGroupPruner`: each type's statistics decoding and each operator on hand-made row groups, and
/// `ParquetFileReader` skipping row groups of a pyarrow file.
@Suite struct RowGroupPruningTests {
    // MARK: Helpers

    /// The verdict of `predicate` for one row group of `rows` rows whose only column, `x`, is
    /// described by `element` and has `statistics`.
    static func verdict(
        _ predicate: ParquetPredicate, _ element: SchemaElement, _ statistics: Statistics?, rows: Int64 = 100,
        columnOrder: ColumnOrder? = nil
    ) throws -> PruningVerdict {
        let schema = try ParquetSchema(elements: [SchemaElement(name: "schema", numChildren: 1), element])
        let pruner = try RowGroupPruner(
            predicate: predicate, schema: schema, columnOrders: columnOrder.map { [$0] })
        return pruner.verdict(for: rowGroup(element, statistics, rows: rows))
    }

    static func rowGroup(_ element: SchemaElement, _ statistics: Statistics?, rows: Int64) -> RowGroup {
        let metadata = ColumnMetaData(
            type: element.type ?? .int32, encodings: [.plain], pathInSchema: [element.name], codec: .uncompressed,
            numValues: rows, totalUncompressedSize: 10, totalCompressedSize: 10, dataPageOffset: 4,
            statistics: statistics)
        return RowGroup(columns: [ColumnChunk(fileOffset: 4, metaData: metadata)], totalByteSize: 10, numRows: rows)
    }

    static func column(
        _ type: PhysicalType, logical: LogicalType? = nil, converted: ConvertedType? = nil,
        length: Int32? = nil, precision: Int32? = nil, scale: Int32? = nil
    ) -> SchemaElement {
        SchemaElement(
            name: "x", type: type, typeLength: length, repetitionType: .optional, convertedType: converted,
            scale: scale, precision: precision, logicalType: logical)
    }

    static func le32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func le64(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func int32(_ value: Int32) -> [UInt8] { le32(UInt32(bitPattern: value)) }
    static func int64(_ value: Int64) -> [UInt8] { le64(UInt64(bitPattern: value)) }
    static func double(_ value: Double) -> [UInt8] { le64(value.bitPattern) }
    static func float(_ value: Float) -> [UInt8] { le32(value.bitPattern) }

    /// Min/max in the current fields, with a null count.
    static func stats(_ min: [UInt8], _ max: [UInt8], nulls: Int64? = 0) -> Statistics {
        Statistics(nullCount: nulls, maxValue: max, minValue: min)
    }

    static func compare(_ op: ComparisonOperator, _ literal: PredicateLiteral) -> ParquetPredicate {
        .compare("x", op, literal)
    }

    // MARK: Integers

    @Test func signedInt64EveryOperator() throws {
        let element = Self.column(.int64)
        let statistics = Self.stats(Self.int64(-5), Self.int64(10))
        let cases: [(ParquetPredicate, PruningVerdict)] = [
            (Self.compare(.equal, .integer(11)), .cannotMatch),
            (Self.compare(.equal, .integer(10)), .mayMatch),
            (Self.compare(.equal, .integer(-6)), .cannotMatch),
            (Self.compare(.less, .integer(-5)), .cannotMatch),
            (Self.compare(.less, .integer(-4)), .mayMatch),
            (Self.compare(.lessOrEqual, .integer(-5)), .mayMatch),
            (Self.compare(.lessOrEqual, .integer(-6)), .cannotMatch),
            (Self.compare(.greater, .integer(10)), .cannotMatch),
            (Self.compare(.greater, .integer(9)), .mayMatch),
            (Self.compare(.greaterOrEqual, .integer(10)), .mayMatch),
            (Self.compare(.greaterOrEqual, .integer(11)), .cannotMatch),
            (.isIn("x", [.integer(20), .integer(-30)]), .cannotMatch),
            (.isIn("x", [.integer(20), .integer(0)]), .mayMatch),
            (.isIn("x", []), .cannotMatch),
            // A whole double is an integer; a fraction has no exact value and keeps the row group.
            (Self.compare(.greater, .double(10)), .cannotMatch),
            (Self.compare(.greater, .double(10.5)), .mayMatch),
            (Self.compare(.equal, .decimal(unscaled: 1100, scale: 2)), .cannotMatch),
        ]
        for (predicate, expected) in cases {
            #expect(try Self.verdict(predicate, element, statistics) == expected, "\(predicate)")
        }
    }

    @Test func narrowSignedIntegersAreSignExtended() throws {
        let element = Self.column(.int32, logical: .integer(bitWidth: 8, isSigned: true))
        let statistics = Self.stats(Self.int32(-100), Self.int32(-3))
        #expect(try Self.verdict(Self.compare(.greater, .integer(-3)), element, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.less, .integer(-50)), element, statistics) == .mayMatch)
        #expect(try Self.verdict(Self.compare(.less, .integer(-100)), element, statistics) == .cannotMatch)
    }

    @Test func unsignedIntegersCompareUnsigned() throws {
        // As signed, 0xFFFF_FFF0 would be -16 and `x > 5` would wrongly prune.
        let uint32 = Self.column(.int32, logical: .integer(bitWidth: 32, isSigned: false))
        let statistics = Self.stats(Self.le32(1), Self.le32(0xFFFF_FFF0))
        #expect(try Self.verdict(Self.compare(.greater, .integer(5)), uint32, statistics) == .mayMatch)
        #expect(try Self.verdict(Self.compare(.greater, .integer(0xFFFF_FFF0)), uint32, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.less, .integer(1)), uint32, statistics) == .cannotMatch)
        // The legacy UINT_32 annotation says the same.
        let legacy = Self.column(.int32, converted: .uint32)
        #expect(try Self.verdict(Self.compare(.greater, .integer(5)), legacy, statistics) == .mayMatch)

        let uint64 = Self.column(.int64, logical: .integer(bitWidth: 64, isSigned: false))
        let wide = Self.stats(Self.le64(10), Self.le64(UInt64.max - 1))
        #expect(try Self.verdict(Self.compare(.greater, .integer(Int128(UInt64.max) - 2)), uint64, wide) == .mayMatch)
        #expect(
            try Self.verdict(Self.compare(.greaterOrEqual, .integer(Int128(UInt64.max))), uint64, wide) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.less, .integer(10)), uint64, wide) == .cannotMatch)
    }

    @Test func deprecatedMinMaxOnlyForSignedOrder() throws {
        // Signed int64: the deprecated fields were computed signed, so they are used.
        let deprecated = Statistics(max: Self.int64(10), min: Self.int64(-5), nullCount: 0)
        #expect(try Self.verdict(Self.compare(.greater, .integer(10)), Self.column(.int64), deprecated) == .cannotMatch)
        // Unsigned: the deprecated fields were computed signed, which is the wrong order: ignored.
        let unsigned = Self.column(.int32, logical: .integer(bitWidth: 32, isSigned: false))
        let signedStats = Statistics(max: Self.le32(2), min: Self.le32(0xFFFF_FFF0), nullCount: 0)
        #expect(try Self.verdict(Self.compare(.equal, .integer(1)), unsigned, signedStats) == .mayMatch)
        // Strings: ignored (byte-wise signed order).
        let strings = Statistics(max: Array("c".utf8), min: Array("b".utf8), nullCount: 0)
        #expect(
            try Self.verdict(Self.compare(.equal, .string("z")), Self.column(.byteArray, logical: .string), strings)
                == .mayMatch)
        // min_value/max_value win over the deprecated fields.
        let both = Statistics(
            max: Self.int64(1000), min: Self.int64(-1000), nullCount: 0, maxValue: Self.int64(10),
            minValue: Self.int64(-5))
        #expect(try Self.verdict(Self.compare(.greater, .integer(10)), Self.column(.int64), both) == .cannotMatch)
    }

    // MARK: Floats

    @Test func doublesAndIntegerLiterals() throws {
        let element = Self.column(.double)
        let statistics = Self.stats(Self.double(1.5), Self.double(2.5))
        #expect(try Self.verdict(Self.compare(.greater, .double(2.5)), element, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.equal, .integer(2)), element, statistics) == .mayMatch)
        #expect(try Self.verdict(Self.compare(.equal, .integer(3)), element, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.less, .integer(1)), element, statistics) == .cannotMatch)
        // 2^53 + 1 has no exact double: keep.
        let inexact = Self.stats(Self.double(0), Self.double(1))
        #expect(try Self.verdict(Self.compare(.equal, .integer(9_007_199_254_740_993)), element, inexact) == .mayMatch)
    }

    @Test func nanNeverPrunesWrongly() throws {
        let element = Self.column(.double)
        let statistics = Self.stats(Self.double(1.5), Self.double(2.5))
        // A NaN literal decides nothing.
        #expect(try Self.verdict(Self.compare(.equal, .double(.nan)), element, statistics) == .mayMatch)
        #expect(try Self.verdict(Self.compare(.greater, .double(.nan)), element, statistics) == .mayMatch)
        // A NaN bound is no bound: with a NaN max, `x > 100` may match.
        let nanMax = Self.stats(Self.double(1.5), Self.double(.nan))
        #expect(try Self.verdict(Self.compare(.greater, .integer(100)), element, nanMax) == .mayMatch)
        #expect(try Self.verdict(Self.compare(.less, .integer(1)), element, nanMax) == .cannotMatch)
        let nanMin = Self.stats(Self.double(.nan), Self.double(2.5))
        #expect(try Self.verdict(Self.compare(.less, .integer(-100)), element, nanMin) == .mayMatch)
        // The same for floats, and infinities are ordinary bounds.
        let floats = Self.stats(Self.float(-.infinity), Self.float(.nan))
        #expect(try Self.verdict(Self.compare(.greater, .double(1e30)), Self.column(.float), floats) == .mayMatch)
        let infinite = Self.stats(Self.float(-1), Self.float(.infinity))
        #expect(try Self.verdict(Self.compare(.less, .double(-1)), Self.column(.float), infinite) == .cannotMatch)
    }

    @Test func float32LiteralsMustBeExactInFloat() throws {
        let element = Self.column(.float)
        let statistics = Self.stats(Self.float(1), Self.float(2))
        #expect(try Self.verdict(Self.compare(.greater, .double(2)), element, statistics) == .cannotMatch)
        // 0.1 is not a float: compared after rounding it could match, so it keeps the row group.
        #expect(try Self.verdict(Self.compare(.equal, .double(0.1)), element, statistics) == .mayMatch)
    }

    @Test func float16Statistics() throws {
        let element = Self.column(.fixedLenByteArray, logical: .float16, length: 2)
        // 1.0 = 0x3C00, 2.0 = 0x4000, little-endian.
        let statistics = Self.stats([0x00, 0x3C], [0x00, 0x40])
        #expect(try Self.verdict(Self.compare(.greater, .double(2)), element, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.greater, .double(1.5)), element, statistics) == .mayMatch)
    }

    // MARK: Bytes

    @Test func stringsCompareAsUnsignedBytes() throws {
        let element = Self.column(.byteArray, logical: .string)
        let statistics = Self.stats(Array("abc".utf8), Array("abd".utf8))
        #expect(try Self.verdict(Self.compare(.equal, .string("abe")), element, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.equal, .string("abcz")), element, statistics) == .mayMatch)
        #expect(try Self.verdict(Self.compare(.less, .string("abc")), element, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.greater, .string("abd")), element, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.greater, .string("abc\u{0}")), element, statistics) == .mayMatch)
        // "é" is 0xC3 0xA9: above "z" unsigned. As signed bytes it would sort below "a" and
        // `x = 'z'` would wrongly prune.
        let wide = Self.stats(Array("a".utf8), Array("é".utf8))
        #expect(try Self.verdict(Self.compare(.equal, .string("z")), element, wide) == .mayMatch)
        #expect(try Self.verdict(Self.compare(.greater, .string("é")), element, wide) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.greater, .string("éa")), element, wide) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.equal, .binary([0xFF])), element, wide) == .cannotMatch)
    }

    @Test func binaryAndBooleans() throws {
        let binary = Self.column(.byteArray)
        let statistics = Self.stats([0x00, 0x80], [0x7F])
        #expect(try Self.verdict(Self.compare(.equal, .binary([0x80])), binary, statistics) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.equal, .binary([0x10])), binary, statistics) == .mayMatch)
        let booleans = Self.column(.boolean)
        let allFalse = Self.stats([0], [0])
        #expect(try Self.verdict(Self.compare(.equal, .boolean(true)), booleans, allFalse) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.equal, .boolean(false)), booleans, allFalse) == .mayMatch)
    }

    // MARK: Decimals and temporal types

    @Test func decimalsInEveryStorage() throws {
        // decimal(10,2) between -1.50 and 2.00 in FIXED_LEN_BYTE_ARRAY(16), BYTE_ARRAY and INT64.
        func bigEndian(_ value: Int128, width: Int) -> [UInt8] {
            (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * (width - 1 - $0))) }
        }
        let storages: [(SchemaElement, Statistics)] = [
            (
                Self.column(.fixedLenByteArray, logical: .decimal(precision: 10, scale: 2), length: 16),
                Self.stats(bigEndian(-150, width: 16), bigEndian(200, width: 16))
            ),
            (
                Self.column(.byteArray, logical: .decimal(precision: 10, scale: 2)),
                Self.stats([0xFF, 0x6A], [0x00, 0xC8])
            ),
            (
                Self.column(.int64, logical: .decimal(precision: 10, scale: 2)),
                Self.stats(Self.int64(-150), Self.int64(200))
            ),
        ]
        for (element, statistics) in storages {
            let cases: [(ParquetPredicate, PruningVerdict)] = [
                (Self.compare(.greater, .decimal(unscaled: 200, scale: 2)), .cannotMatch),
                (Self.compare(.greater, .decimal(unscaled: 199, scale: 2)), .mayMatch),
                (Self.compare(.less, .decimal(unscaled: -15, scale: 1)), .cannotMatch),
                (Self.compare(.less, .decimal(unscaled: -149, scale: 2)), .mayMatch),
                (Self.compare(.greater, .integer(2)), .cannotMatch),
                (Self.compare(.greaterOrEqual, .integer(2)), .mayMatch),
                (Self.compare(.less, .integer(-2)), .cannotMatch),
                // 1.995 needs three digits: not exact at scale 2, so it keeps the row group.
                (Self.compare(.equal, .decimal(unscaled: 1995, scale: 3)), .mayMatch),
                (Self.compare(.equal, .decimal(unscaled: 3000, scale: 3)), .cannotMatch),
            ]
            for (predicate, expected) in cases {
                #expect(
                    try Self.verdict(predicate, element, statistics) == expected,
                    "\(element.type.map { "\($0)" } ?? "") \(predicate)")
            }
        }
        // Deprecated fields of a binary decimal are ignored (old writers compared bytes signed).
        let element = Self.column(.byteArray, logical: .decimal(precision: 10, scale: 2))
        let deprecated = Statistics(max: [0x00, 0xC8], min: [0xFF, 0x6A], nullCount: 0)
        #expect(try Self.verdict(Self.compare(.greater, .integer(100)), element, deprecated) == .mayMatch)
    }

    @Test func datesAndTimestamps() throws {
        let dates = Self.column(.int32, logical: .date)
        let dayStats = Self.stats(Self.int32(19000), Self.int32(19010))
        #expect(try Self.verdict(Self.compare(.equal, .date(daysSinceEpoch: 19011)), dates, dayStats) == .cannotMatch)
        #expect(try Self.verdict(Self.compare(.equal, .date(daysSinceEpoch: 19005)), dates, dayStats) == .mayMatch)

        let micros = Self.column(.int64, logical: .timestamp(isAdjustedToUTC: true, unit: .micros))
        let stats = Self.stats(Self.int64(1_000_000), Self.int64(2_000_000))
        #expect(try Self.verdict(Self.compare(.greater, .timestamp(2, unit: .second)), micros, stats) == .cannotMatch)
        #expect(
            try Self.verdict(Self.compare(.equal, .timestamp(1500, unit: .millisecond)), micros, stats) == .mayMatch)
        #expect(
            try Self.verdict(Self.compare(.less, .timestamp(999_999_000, unit: .nanosecond)), micros, stats)
                == .cannotMatch)
        // 1_999_999_999 ns is not a whole microsecond: keep.
        #expect(
            try Self.verdict(Self.compare(.greater, .timestamp(2_000_000_001, unit: .nanosecond)), micros, stats)
                == .mayMatch)
    }

    @Test func int96AndUnknownOrdersAreNotPruned() throws {
        let int96 = Self.column(.int96)
        let statistics = Self.stats([UInt8](repeating: 0, count: 12), [UInt8](repeating: 0, count: 12))
        #expect(try Self.verdict(Self.compare(.greater, .timestamp(1, unit: .second)), int96, statistics) == .mayMatch)
        // A column order this reader does not know voids min/max, not the null count.
        let element = Self.column(.int64)
        let bounds = Self.stats(Self.int64(0), Self.int64(1))
        #expect(
            try Self.verdict(
                Self.compare(.greater, .integer(5)), element, bounds,
                columnOrder: .unrecognized(fieldId: 9)) == .mayMatch)
        #expect(try Self.verdict(.isNull("x"), element, bounds, columnOrder: .unrecognized(fieldId: 9)) == .cannotMatch)
        #expect(
            try Self.verdict(Self.compare(.greater, .integer(5)), element, bounds, columnOrder: .typeDefinedOrder)
                == .cannotMatch)
    }

    // MARK: Nulls, missing statistics, conjunctions

    @Test func nullCounts() throws {
        let element = Self.column(.int64)
        let none = Self.stats(Self.int64(0), Self.int64(9), nulls: 0)
        let some = Self.stats(Self.int64(0), Self.int64(9), nulls: 3)
        let all = Statistics(nullCount: 100)
        let unknown = Statistics(maxValue: Self.int64(9), minValue: Self.int64(0))
        #expect(try Self.verdict(.isNull("x"), element, none) == .cannotMatch)
        #expect(try Self.verdict(.isNull("x"), element, some) == .mayMatch)
        #expect(try Self.verdict(.isNull("x"), element, unknown) == .mayMatch)
        #expect(try Self.verdict(.isNotNull("x"), element, all) == .cannotMatch)
        #expect(try Self.verdict(.isNotNull("x"), element, some) == .mayMatch)
        #expect(try Self.verdict(.isNotNull("x"), element, unknown) == .mayMatch)
        // Only nulls: no comparison can hold.
        #expect(try Self.verdict(Self.compare(.equal, .integer(1)), element, all) == .cannotMatch)
        #expect(try Self.verdict(.isIn("x", [.integer(1)]), element, all) == .cannotMatch)
    }

    @Test func missingStatisticsKeepEveryRowGroup() throws {
        let predicates: [ParquetPredicate] = [
            Self.compare(.equal, .integer(1)), Self.compare(.less, .integer(1)), Self.compare(.greater, .integer(1)),
            .isIn("x", [.integer(1)]), .isNull("x"), .isNotNull("x"),
        ]
        for predicate in predicates {
            #expect(try Self.verdict(predicate, Self.column(.int64), nil) == .mayMatch, "\(predicate)")
            #expect(try Self.verdict(predicate, Self.column(.int64), Statistics()) == .mayMatch, "\(predicate)")
        }
        // Malformed bytes (wrong width) bound nothing.
        #expect(
            try Self.verdict(Self.compare(.greater, .integer(5)), Self.column(.int64), Self.stats([1], [2]))
                == .mayMatch)
    }

    @Test func conjunctionPrunesWhenAnyConditionDoes() throws {
        let element = Self.column(.int64)
        let statistics = Self.stats(Self.int64(0), Self.int64(9))
        let keep = ParquetPredicate.and([Self.compare(.greater, .integer(2)), .isNotNull("x")])
        let prune = ParquetPredicate.and([keep, .and([Self.compare(.less, .integer(0))])])
        #expect(try Self.verdict(keep, element, statistics) == .mayMatch)
        #expect(try Self.verdict(prune, element, statistics) == .cannotMatch)
        #expect(try Self.verdict(.and([]), element, statistics) == .mayMatch)
        #expect(prune.description == "x > 2 AND x IS NOT NULL AND x < 0")
    }

    @Test func predicatesThatDoNotFitAreUsageErrors() throws {
        let element = Self.column(.int64)
        let error = #expect(throws: ParquetPredicateError.self) {
            _ = try Self.verdict(Self.compare(.equal, .string("a")), element, nil)
        }
        #expect(error?.column == "x")
        #expect(error?.category == .usage)
        #expect(error?.description.contains("int64") == true)
        let unknown = #expect(throws: ParquetPredicateError.self) {
            _ = try Self.verdict(.isNull("nope"), element, nil)
        }
        #expect(unknown?.description.contains("the file has: x") == true)
        #expect(throws: ParquetPredicateError.self) {
            _ = try Self.verdict(Self.compare(.equal, .integer(1)), Self.column(.int32, logical: .date), nil)
        }
    }

    // MARK: A pyarrow file

    @Test func readerSkipsRowGroupsOfAPyarrowFile() async throws {
        try await DatasetTestSupport.withFixtures { root, python in
            let store = LocalObjectStore(root: root)
            let cases: [(ParquetPredicate, filters: String, groups: [Int])] = [
                (
                    .and([.compare("k", .greaterOrEqual, .integer(2500)), .compare("k", .less, .integer(4200))]),
                    #"[["k", ">=", 2500], ["k", "<", 4200]]"#, [2, 3, 4]
                ),
                (
                    .isIn("s", [.string("key-05000"), .string("key-09999"), .string("nope")]),
                    #"[["s", "in", ["key-05000", "key-09999", "nope"]]]"#, [5, 9]
                ),
                // u runs from 2^31 - 5000 up: read as signed, the groups past 2^31 would all be pruned.
                (
                    .compare("u", .greater, .integer(2_147_483_648 + 3_000)),
                    #"[["u", ">", 2147486648]]"#, [8, 9]
                ),
                // v = k / 4 with nulls: v <= 500 ends at k = 2000, the first row of group 2.
                (.compare("v", .lessOrEqual, .double(500)), #"[["v", "<=", 500.0]]"#, [0, 1, 2]),
            ]
            for (predicate, filters, groups) in cases {
                let reader = try await ParquetFileReader.open(
                    store: store, key: "sorted.parquet", threads: 3, predicate: predicate)
                #expect(reader.rowGroupCount == 10)
                #expect(reader.selectedRowGroups == groups, "\(predicate)")
                let batches = try await DatasetTestSupport.collect(reader.batches())
                #expect(batches.count == groups.count)
                // The reader skips row groups only; filter the rows here as pyarrow's filters do.
                let filtered = batches.flatMap { Self.filter($0, by: predicate) }
                let expected = try await DatasetTestSupport.pyarrowRead(
                    python: python, root.appendingPathComponent("sorted.parquet").path, filters: filters)
                DatasetTestSupport.expectEqual(filtered, schema: reader.schema, expected)
            }
        }
    }

    /// The rows of `batch` that satisfy the test predicates above, as one-row slices (row
    /// filtering is not the reader's job).
    static func filter(_ batch: RecordBatch, by predicate: ParquetPredicate) -> [RecordBatch] {
        (0..<batch.numRows).filter { row in predicate.conjuncts.allSatisfy { holds($0, batch, row) } }
            .map { batch.slice($0..<$0 + 1) }
    }

    static func holds(_ condition: ParquetPredicate, _ batch: RecordBatch, _ row: Int) -> Bool {
        guard let name = condition.column, let array = batch.column(named: name), !array.isNull(row) else {
            return false
        }
        let value: PredicateLiteral
        switch array {
        case let ints as Int64Array: value = .integer(Int128(ints.value(at: row)))
        case let uints as UInt32Array: value = .integer(Int128(uints.value(at: row)))
        case let doubles as Float64Array: value = .double(doubles.value(at: row))
        case let strings as StringArray: value = .string(strings.value(at: row))
        default: return false
        }
        switch condition {
        case .compare(_, let op, let literal): return order(value, literal).map { op.accepts($0) } ?? false
        case .isIn(_, let literals): return literals.contains { order(value, $0) == 0 }
        default: return false
        }
    }

    static func order(_ lhs: PredicateLiteral, _ rhs: PredicateLiteral) -> Int? {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default: return nil
        }
    }
}

extension ComparisonOperator {
    /// Whether an order (-1, 0, 1 of value against literal) satisfies the comparison.
    fileprivate func accepts(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}
