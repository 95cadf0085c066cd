import Foundation
import Testing

@testable import SluiceParquet

@Suite("What `sluice parquet schema|meta` print")
struct ParquetFileReportTests {
    func corpusFile(_ name: String) throws -> String? {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return nil
        }
        return directory.appendingPathComponent(name).path
    }

    @Test("the schema lists Sluice's fields and the parquet leaves with their levels")
    func schemaText() async throws {
        guard let path = try corpusFile("nested_lists.snappy.parquet") else { return }
        let text = try await ParquetFileReport.open(path: path).schemaText
        #expect(text.hasPrefix("\(path): 3 rows, 1 row group\n"))
        #expect(text.contains("  a: list<list<list<string>>>\n"))
        let leaf = try #require(text.split(separator: "\n").first { $0.hasPrefix("a.list.element") })
        #expect(
            leaf.split(separator: " ") == [
                "a.list.element.list.element.list.element", "byteArray", "utf8", "optional", "7", "3",
            ])
        #expect(text.contains("  b: int32 not null\n"))
    }

    @Test("meta shows codecs, encodings, sizes and decoded statistics per column chunk")
    func metadataText() async throws {
        guard let path = try corpusFile("alltypes_tiny_pages.parquet") else { return }
        let report = try await ParquetFileReport.open(path: path)
        let text = report.metadataText
        #expect(text.contains("rows        7300 in 1 row group\n"))
        let idLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("id ") })
        let cells = idLine.split(separator: " ")
        #expect(cells.suffix(2) == ["0", "7299"])
    }

    @Test("a file that is not parquet names its path")
    func notParquet() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notes.parquet").path
        try Data("definitely not parquet, but long enough to have a tail".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: ParquetError.self) { try await ParquetFileReport.open(path: path) }
        do {
            _ = try await ParquetFileReport.open(path: path)
        } catch let error as ParquetError {
            #expect(error.description.hasPrefix("\(path): invalid parquet file: bad magic"))
        }
    }
}
