import Foundation
import SluiceCore
import SluiceParquet
import SluiceStorage
import Testing

/// Every file `Oracles/conformance_files.py` writes (every type, encoding, codec, page version,
/// nesting and null placement, empty and huge files, DuckDB's files) reads, with 1 and 2 threads,
/// to exactly the JSON lines pyarrow's values render to.
@Suite struct ConformanceTests {
    @Test func everyGeneratedFileReadsAsPyarrowReadsIt() async throws {
        try await ConformanceTestSupport.withGeneratedFiles { directory in
            let store = LocalObjectStore(root: directory)
            let files = try ConformanceTestSupport.parquetFiles(in: directory)
            #expect(files.count >= 50, "the generator wrote only \(files.count) files")
            // Values compared once per thread count.
            var values = 0
            for file in files {
                let expectedURL = directory.appendingPathComponent(
                    String(file.dropLast(".parquet".count)) + ".jsonl")
                let expected = try String(contentsOf: expectedURL, encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
                for threads in [1, 2] {
                    do {
                        if let difference = try await firstDifference(
                            store: store, file: file, threads: threads, expected: expected, values: &values)
                        {
                            Issue.record("\(file) (threads \(threads)): \(difference)")
                        }
                    } catch {
                        Issue.record("\(file) (threads \(threads)): \(error)")
                    }
                }
            }
            print("conformance: \(files.count) files, \(values) values compared with 1 and 2 threads in all")
        }
    }

    /// The first place where the rows of `file` differ from `expected`, or nil when they agree.
    /// Adds the number of values compared to `values`.
    private func firstDifference(
        store: LocalObjectStore, file: String, threads: Int, expected: [String], values: inout Int
    ) async throws -> String? {
        let reader = try await ParquetFileReader.open(store: store, key: file, threads: threads)
        var row = 0
        for try await batch in reader.batches() {
            for index in 0..<batch.numRows {
                let actual = RecordBatchJSONLines.line(batch, row: index)
                guard row < expected.count else { return "row \(row): more rows than pyarrow's \(expected.count)" }
                if actual != expected[row] {
                    return "row \(row): "
                        + describeDifference(batch, row: index, actual: actual, expected: expected[row])
                }
                row += 1
            }
            values += batch.numRows * batch.numColumns
        }
        return row == expected.count ? nil : "\(row) rows, pyarrow read \(expected.count)"
    }

    /// Names the column whose text holds the first differing character, with both texts around it.
    private func describeDifference(_ batch: RecordBatch, row: Int, actual: String, expected: String) -> String {
        let actualBytes = Array(actual.utf8)
        let expectedBytes = Array(expected.utf8)
        let common = min(actualBytes.count, expectedBytes.count)
        let offset = (0..<common).first { actualBytes[$0] != expectedBytes[$0] } ?? common
        var end = 1  // the opening brace
        var column = "?"
        for (field, array) in zip(batch.schema.fields, batch.columns) {
            var text = JSONText.quoted(field.name) + ":"
            ColumnValueText.appendJSON(array, field: field, at: row, to: &text)
            end += text.utf8.count + 1  // the value and the comma or closing brace after it
            if offset < end {
                column = field.name
                break
            }
        }
        func around(_ bytes: [UInt8]) -> String {
            let start = max(0, offset - 60)
            return String(decoding: bytes[start..<min(bytes.count, offset + 100)], as: UTF8.self)
        }
        return
            "column \"\(column)\" at byte \(offset): got …\(around(actualBytes))…, expected …\(around(expectedBytes))…"
    }
}
