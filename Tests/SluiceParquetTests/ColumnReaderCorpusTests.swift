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

    /// Top-level nested fields (lists, maps, structs) Sluice does not read yet, with the reason
    /// ("file/field"). Empty: every nested field of the corpus is assembled.
    static let unsupportedNestedFields: [String: String] = [:]

    @Test func flatColumnsMatchPyArrow() async throws {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return
        }
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow")
            return
        }
        let files = try MetadataTestSupport.corpusFiles(in: directory).filter { Self.excludedFiles[$0] == nil }
        let oracle = try await runOracle(python: python, paths: files.map { directory.appendingPathComponent($0).path })
        var comparedFiles = Set<String>()
        var comparedColumns = 0
        var comparedValues = 0
        var nestedFields = 0
        var nestedLeaves = 0
        var nestedValues = 0
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
                if line["nested"] as? Bool == true {
                    if let reason = Self.unsupportedNestedFields[key] {
                        print("not compared: \(key): \(reason)")
                        continue
                    }
                    let leafCount = try compareNested(file: file, field: columnName, line: line, key: key)
                    nestedFields += 1
                    nestedLeaves += leafCount.leaves
                    nestedValues += leafCount.values
                    comparedFiles.insert(name)
                    continue
                }
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
            // Every nested field of the schema must have come from the oracle (compared or listed).
            let nestedNames = Set(file.schema.root.children.filter { !$0.isLeaf || $0.isRepeated }.map(\.name))
            let oracleNested = Set(
                expectedColumns.filter { $0["nested"] as? Bool == true }.compactMap { $0["column"] as? String })
            #expect(nestedNames == oracleNested, "\(name): nested fields \(nestedNames), pyarrow \(oracleNested)")
        }
        print(
            "column reader vs pyarrow: \(comparedFiles.count) files, \(comparedColumns) flat columns, \(comparedValues) values compared; \(nestedFields) nested fields (\(nestedLeaves) leaf columns), \(nestedValues) nested rows compared"
        )
        #expect(comparedColumns > 200)
        #expect(nestedFields >= 25)
    }

    /// Assembles the nested field `field` of `file` and compares it row by row with the oracle's
    /// `line`; returns how many leaf columns it has and how many rows were compared.
    private func compareNested(
        file: ColumnReaderTestSupport.LoadedFile, field: String, line: [String: Any], key: String
    ) throws -> (leaves: Int, values: Int) {
        guard let index = file.schema.root.children.firstIndex(where: { $0.name == field }) else {
            Issue.record("\(key): pyarrow reads a nested field that Sluice's schema lacks")
            return (0, 0)
        }
        let node = file.schema.root.children[index]
        let dataType = file.schema.schema.fields[index].dataType
        guard let expected = line["values"] as? [Any] else {
            Issue.record("\(key): the oracle could not render it: \(line["error"] ?? "?")")
            return (0, 0)
        }
        let arrays: [any ColumnArray]
        do {
            arrays = try file.readField(node, as: dataType)
        } catch {
            Issue.record("\(key): \(error)")
            return (0, 0)
        }
        let actual = arrays.flatMap(ColumnReaderTestSupport.nestedTokens)
        let wanted = expected.map { ColumnReaderTestSupport.nestedToken(expected: $0, dataType: dataType) }
        #expect(actual.count == wanted.count, "\(key): \(actual.count) rows, pyarrow \(wanted.count)")
        var mismatches = 0
        for (row, pair) in zip(actual, wanted).enumerated() where pair.0 != pair.1 {
            mismatches += 1
            if mismatches <= 3 { Issue.record("\(key)[\(row)]: Sluice \(pair.0), pyarrow \(pair.1)") }
        }
        return (NestedFieldAssembler.slotLevels(of: node).count, actual.count)
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

    private func runOracle(python: URL, paths: [String]) async throws -> [[String: Any]] {
        try await PythonOracle.jsonLines(script: "column_oracle.py", python: python, paths)
    }
}
