import Foundation
import SluiceCore
import SluiceStorage
import Testing

@testable import SluiceParquet

/// `ParquetDataset` over folders of part files: Hive partitions, skipped files, projection,
/// pruning by partition values and statistics, schema checks, and pyarrow's reading as the oracle.
@Suite struct DatasetTests {
    // MARK: Hive paths

    @Test func hivePathSegmentsAreDecoded() {
        let partitions = HivePartitionPath.partitions(
            of: "year=2020/raw/city=x%2Fy%20z/code=__HIVE_DEFAULT_PARTITION__/empty=/part-0.parquet")
        #expect(partitions.map(\.name) == ["year", "city", "code", "empty"])
        #expect(partitions.map(\.value) == ["2020", "x/y z", nil, ""])
        // The file name is never a partition, and bad percent-encoding is kept as written.
        #expect(HivePartitionPath.partitions(of: "a=1.parquet").isEmpty)
        #expect(HivePartitionPath.partitions(of: "p=100%/f.parquet").map(\.value) == ["100%"])
    }

    @Test func partFilesSkipUnderscoreAndDotNames() {
        #expect(HivePartitionPath.isPartFile("part-0.parquet"))
        #expect(HivePartitionPath.isPartFile("dt=1/part-0.snappy.parquet"))
        #expect(!HivePartitionPath.isPartFile("_SUCCESS"))
        #expect(!HivePartitionPath.isPartFile("_metadata.parquet"))
        #expect(!HivePartitionPath.isPartFile(".part-0.parquet"))
        #expect(!HivePartitionPath.isPartFile("_temporary/0/part-0.parquet"))
        #expect(!HivePartitionPath.isPartFile("dt=1/.staging/part-0.parquet"))
        #expect(!HivePartitionPath.isPartFile("part-0.parquet.crc"))
    }

    @Test func partitionTypesAreInferredLikePyarrow() throws {
        let partitioning = try HivePartitioning(parts: [
            ("a", "n=1/s=01/t=x/z=__HIVE_DEFAULT_PARTITION__/f.parquet"),
            ("b", "n=-20/s=a/t=__HIVE_DEFAULT_PARTITION__/z=__HIVE_DEFAULT_PARTITION__/f.parquet"),
        ])
        #expect(partitioning.fields.map(\.name) == ["n", "s", "t", "z"])
        #expect(partitioning.fields.map(\.dataType) == [.int64, .string, .string, .string])
        #expect(partitioning.values[0] == [.integer(1), .string("01"), .string("x"), nil])
        #expect(partitioning.values[1] == [.integer(-20), .string("a"), nil, nil])
        let error = #expect(throws: ParquetError.self) {
            _ = try HivePartitioning(parts: [("first", "a=1/b=2/f.parquet"), ("second", "a=1/f.parquet")])
        }
        #expect(error?.file == "second")
        #expect(error?.description.contains("[a]") == true)
    }

    // MARK: Against pyarrow

    @Test func hiveDatasetMatchesPyarrow() async throws {
        try await DatasetTestSupport.withFixtures { root, python in
            let store = LocalObjectStore(root: root)
            let dataset = try await ParquetDataset.open(store: store, prefix: "hive/", threads: 2)
            // 3 years x 4 cities; _SUCCESS, _common_metadata, .hidden.parquet and _temporary/ skipped.
            #expect(dataset.files.count == 12)
            #expect(dataset.partitionFields.map(\.name) == ["year", "city"])
            #expect(dataset.partitionFields.map(\.dataType) == [.int64, .string])
            let batches = try await DatasetTestSupport.collect(dataset.batches())
            let expected = try await DatasetTestSupport.pyarrowRead(
                python: python, root.appendingPathComponent("hive").path)
            DatasetTestSupport.expectEqual(batches, schema: dataset.schema, expected)
            #expect(batches.reduce(0) { $0 + $1.numRows } == 60)
        }
    }

    @Test func slicesReadTheDatasetInOrderAndInBalancedParts() async throws {
        try await DatasetTestSupport.withFixtures { root, python in
            let store = LocalObjectStore(root: root)
            let dataset = try await ParquetDataset.open(store: store, prefix: "hive/", threads: 2)
            let expected = try await DatasetTestSupport.pyarrowRead(
                python: python, root.appendingPathComponent("hive").path)
            for count in [1, 2, 5, 100] {
                let slices = try await dataset.slices(count)
                #expect(slices.count == min(count, 12), "\(count) slices of 12 single-group files")
                #expect(slices.reduce(0) { $0 + $1.rows } == 60)
                var batches: [RecordBatch] = []
                for slice in slices { batches += try await DatasetTestSupport.collect(dataset.batches(of: slice)) }
                DatasetTestSupport.expectEqual(batches, schema: dataset.schema, expected)
                let sizes = slices.map(\.rows)
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 15, "balanced: \(sizes)")
            }
        }
    }

    @Test func projectionAndPartitionPruningMatchPyarrow() async throws {
        try await DatasetTestSupport.withFixtures { root, python in
            let store = LocalObjectStore(root: root)
            let hive = root.appendingPathComponent("hive").path
            let cases: [(ParquetPredicate, filters: String, files: Int)] = [
                (.compare("year", .equal, .integer(2021)), #"[["year", "=", 2021]]"#, 4),
                (.compare("city", .equal, .string("x/y")), #"[["city", "=", "x/y"]]"#, 3),
                (
                    .and([.isIn("city", [.string("été"), .string("a b")]), .compare("year", .less, .integer(2021))]),
                    #"[["city", "in", ["été", "a b"]], ["year", "<", 2021]]"#, 2
                ),
            ]
            for (predicate, filters, files) in cases {
                let dataset = try await ParquetDataset.open(
                    store: store, prefix: "hive/", columns: ["city", "id", "year", "score", "name"],
                    predicate: predicate)
                #expect(dataset.selectedFiles.count == files, "\(predicate)")
                #expect(dataset.schema.fields.map(\.name) == ["city", "id", "year", "score", "name"])
                let batches = try await DatasetTestSupport.collect(dataset.batches())
                let expected = try await DatasetTestSupport.pyarrowRead(python: python, hive, filters: filters)
                let reordered = dataset.schema.fields.compactMap { field in expected.first { $0.0 == field.name } }
                DatasetTestSupport.expectEqual(batches, schema: dataset.schema, reordered)
            }
            // IS NULL keeps the files of the null partition.
            let nulls = try await ParquetDataset.open(store: store, prefix: "hive/", predicate: .isNull("year"))
            #expect(nulls.selectedFiles.map { $0.partitionValues[0] } == [nil, nil, nil, nil])
            // A condition on a file column is left to the row groups: every file stays selected.
            let byId = try await ParquetDataset.open(
                store: store, prefix: "hive/", predicate: .compare("id", .greater, .integer(1000)))
            #expect(byId.selectedFiles.count == 12)
            #expect(try await DatasetTestSupport.collect(byId.batches()).isEmpty)
        }
    }

    @Test func onlyPartitionColumnsCanBeRead() async throws {
        try await DatasetTestSupport.withFixtures { root, _ in
            let store = LocalObjectStore(root: root)
            let dataset = try await ParquetDataset.open(
                store: store, prefix: "hive/year=2020/", columns: ["city"])
            // The prefix's folder is hive/year=2020/: only city is a partition below it.
            #expect(dataset.partitionFields.map(\.name) == ["city"])
            let batches = try await DatasetTestSupport.collect(dataset.batches())
            let cities = Set(DatasetTestSupport.tokens(of: "city", in: batches))
            #expect(cities == ["s:été", "s:a b", "s:x/y", "null"])
            #expect(batches.reduce(0) { $0 + $1.numRows } == 20)
        }
    }

    @Test func aFileWithOtherColumnsIsNamed() async throws {
        try await DatasetTestSupport.withFixtures { root, _ in
            let store = LocalObjectStore(root: root)
            let dataset = try await ParquetDataset.open(
                store: store, prefix: "mismatch/", location: "lake/")
            let error = await #expect(throws: ParquetError.self) {
                _ = try await DatasetTestSupport.collect(dataset.batches())
            }
            #expect(error?.file == "lake/mismatch/part-1.parquet")
            #expect(error?.column == "id")
            #expect(error?.description.contains("int32") == true)
            #expect(error?.description.contains("lake/mismatch/part-0.parquet") == true)
        }
    }

    // MARK: Errors without pyarrow

    @Test func emptyDatasetNamesThePrefix() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            try await store.put("events/_SUCCESS", bytes: [])
            try await store.put("events/.part-0.parquet", bytes: [1])
            try await store.put("events/notes.txt", bytes: [1])
            let error = await #expect(throws: ParquetError.self) {
                _ = try await ParquetDataset.open(store: store, prefix: "events/", location: "lake/")
            }
            #expect(error?.file == "lake/events/")
            #expect(error?.description.contains("no part files") == true)
        }
    }

    @Test func unknownColumnsAreNamed() async throws {
        try await DatasetTestSupport.withFixtures { root, _ in
            let store = LocalObjectStore(root: root)
            let projection = await #expect(throws: ParquetError.self) {
                _ = try await ParquetDataset.open(store: store, prefix: "hive/", columns: ["id", "nope"])
            }
            #expect(projection?.column == "nope")
            #expect(projection?.description.contains("year, city") == true)
            let predicate = await #expect(throws: ParquetPredicateError.self) {
                _ = try await ParquetDataset.open(store: store, prefix: "hive/", predicate: .isNull("nope"))
            }
            #expect(predicate?.description.contains("id, name, score, year, city") == true)
            let literal = await #expect(throws: ParquetPredicateError.self) {
                _ = try await ParquetDataset.open(
                    store: store, prefix: "hive/", predicate: .compare("year", .equal, .string("2020")))
            }
            #expect(literal?.column == "year")
            // A literal that does not fit a file column fails at open too, naming the dataset.
            let fileLiteral = await #expect(throws: ParquetPredicateError.self) {
                _ = try await ParquetDataset.open(
                    store: store, prefix: "hive/", predicate: .compare("score", .equal, .boolean(true)))
            }
            #expect(fileLiteral?.column == "score")
            #expect(fileLiteral?.file?.hasSuffix("hive/") == true)
        }
    }
}
