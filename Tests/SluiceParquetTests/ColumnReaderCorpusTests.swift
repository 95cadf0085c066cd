import Foundation
import SluiceCore
import Testing

@testable import SluiceParquet

/// Reads every flat column of the parquet-testing corpus and compares it value by value with
/// what pyarrow reads (`Oracles/column_oracle.py`).
@Suite struct ColumnReaderCorpusTests {
    /// Files left out of the comparison, with the reason.
    static let excludedFiles: [String: String] = [
        "datapage_v1-corrupt-checksum.parquet": "corrupt page CRC on purpose: must throw (checked below)",
        "rle-dict-uncompressed-corrupt-checksum.parquet": "corrupt page CRC on purpose: must throw (checked below)",
        "incorrect_map_schema.parquet": "pyarrow rejects the file (map keys not required)",
        "large_string_map.brotli.parquet": "pyarrow cannot read it (nested chunked output); its only column is a map",
    ]

    /// Flat top-level columns Sluice does not read yet, with the reason ("file/column"). Empty:
    /// every flat column of the corpus is read.
    static let unsupportedColumns: [String: String] = [:]

    /// Top-level fields not compared because they are nested (lists, maps, structs), which the
    /// flat column reader does not read yet; `["*"]` means every field of the file.
    static let nestedFields: [String: [String]] = [
        "datapage_v2.snappy.parquet": ["e"],
        "list_columns.parquet": ["int64_list", "utf8_list"],
        "map_no_value.parquet": ["my_list", "my_map", "my_map_no_v"],
        "nested_lists.snappy.parquet": ["a"],
        "nested_maps.snappy.parquet": ["a"],
        "nested_structs.rust.parquet": ["*"],
        "nonnullable.impala.parquet": ["Int_Array", "Int_Map", "int_array_array", "int_map_array", "nested_Struct"],
        "null_list.parquet": ["emptylist"],
        "nullable.impala.parquet": ["int_Map_Array", "int_array", "int_array_Array", "int_map", "nested_struct"],
        "nulls.snappy.parquet": ["b_struct"],
        "old_list_structure.parquet": ["a"],
        "repeated_no_annotation.parquet": ["phoneNumbers"],
        "repeated_primitive_no_list.parquet": ["Int32_list", "String_list", "group_of_lists"],
    ]

    @Test func flatColumnsMatchPyArrow() throws {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return
        }
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow")
            return
        }
        let files = try MetadataTestSupport.corpusFiles(in: directory).filter { Self.excludedFiles[$0] == nil }
        let oracle = try runOracle(python: python, paths: files.map { directory.appendingPathComponent($0).path })
        var comparedFiles = Set<String>()
        var comparedColumns = 0
        var comparedValues = 0
        var skippedNested: [String] = []
        for (name, reason) in Self.excludedFiles.sorted(by: { $0.key < $1.key }) {
            print("not compared: \(name): \(reason)")
        }
        for name in files {
            let file = try ColumnReaderTestSupport.LoadedFile(directory: directory, name: name)
            let expectedColumns = oracle.filter { ($0["file"] as? String)?.hasSuffix("/" + name) == true }
            #expect(
                !expectedColumns.isEmpty
                    || file.schema.columns.allSatisfy { $0.path.count > 1 || $0.maxRepetitionLevel > 0 },
                "\(name): no oracle output")
            for line in expectedColumns {
                guard let columnName = line["column"] as? String else {
                    Issue.record("\(name): pyarrow failed: \(line["error"] ?? "?")")
                    continue
                }
                let key = "\(name)/\(columnName)"
                guard let column = file.schema.columns.first(where: { $0.path == [columnName] }) else {
                    Issue.record("\(key): pyarrow reads a flat column that Sluice's schema lacks")
                    continue
                }
                if let reason = Self.unsupportedColumns[key] {
                    print("not compared: \(key): \(reason)")
                    continue
                }
                guard let expected = line["values"] as? [Any] else {
                    Issue.record("\(key): the oracle could not render it: \(line["error"] ?? "?")")
                    continue
                }
                let arrays: [any ColumnArray]
                do {
                    arrays = try file.readColumn(column)
                } catch {
                    Issue.record("\(key): \(error)")
                    continue
                }
                let actual = arrays.flatMap(ColumnReaderTestSupport.tokens)
                let wanted = expected.map { ColumnReaderTestSupport.token(expected: $0, dataType: column.dataType) }
                #expect(actual.count == wanted.count, "\(key): \(actual.count) values, pyarrow \(wanted.count)")
                var mismatches = 0
                for (index, pair) in zip(actual, wanted).enumerated() where pair.0 != pair.1 {
                    mismatches += 1
                    if mismatches <= 3 { Issue.record("\(key)[\(index)]: Sluice \(pair.0), pyarrow \(pair.1)") }
                }
                comparedColumns += 1
                comparedValues += actual.count
                comparedFiles.insert(name)
            }
            var nested: [String] = []
            for column in file.schema.columns where column.path.count > 1 || column.maxRepetitionLevel > 0 {
                skippedNested.append("\(name)/\(column.dottedPath)")
                if nested.last != column.path[0] { nested.append(column.path[0]) }
            }
            let topLevel = Set(file.schema.columns.map { $0.path[0] })
            if let listed = Self.nestedFields[name] {
                let expected = listed == ["*"] ? topLevel : Set(listed)
                #expect(Set(nested) == expected, "\(name): nested fields \(nested), listed \(listed)")
                print("not compared: \(name): nested fields \(listed.joined(separator: ", ")) (lists, maps, structs)")
            } else {
                #expect(nested.isEmpty, "\(name): nested fields \(nested) are not listed in nestedFields")
            }
        }
        print(
            "column reader vs pyarrow: \(comparedFiles.count) files, \(comparedColumns) flat columns, \(comparedValues) values compared; \(skippedNested.count) nested leaf columns not read yet (lists, structs, maps)"
        )
        #expect(comparedColumns > 200)
    }

    @Test func corruptChecksumsThrow() throws {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return
        }
        for name in ["datapage_v1-corrupt-checksum.parquet", "rle-dict-uncompressed-corrupt-checksum.parquet"] {
            let file = try ColumnReaderTestSupport.LoadedFile(directory: directory, name: name)
            var failures = 0
            for column in file.schema.columns {
                do {
                    _ = try file.readColumn(column)
                } catch let error as ParquetError {
                    #expect(error.kind == .checksumMismatch, "\(name): \(error)")
                    #expect(error.file == name && error.column == column.dottedPath && error.rowGroup == 0)
                    #expect(error.page != nil)
                    failures += 1
                }
            }
            #expect(failures > 0, "\(name): no column failed its CRC check")
        }
        // The intact siblings pass their CRC checks.
        for name in [
            "datapage_v1-uncompressed-checksum.parquet", "datapage_v1-snappy-compressed-checksum.parquet",
            "plain-dict-uncompressed-checksum.parquet", "rle-dict-snappy-checksum.parquet",
        ] {
            let file = try ColumnReaderTestSupport.LoadedFile(directory: directory, name: name)
            for column in file.schema.columns { _ = try file.readColumn(column) }
        }
    }

    private func runOracle(python: URL, paths: [String]) throws -> [[String: Any]] {
        let script = MetadataTestSupport.repositoryRoot
            .appendingPathComponent("Tests/SluiceParquetTests/Oracles/column_oracle.py")
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ParquetError(.invalidFile, "oracle line is not an object")
            }
            return object
        }
    }
}
