import Foundation
import SluiceCore
import SluiceStorage
import Testing

@testable import SluiceParquet

/// Reads the footer and builds the schema of every file in the Apache parquet-testing corpus
/// (`../shared/parquet-testing/data`, or `$PARQUET_TESTING_DATA`).
struct FooterCorpusTests {
    /// Files that must fail, with a `ParquetError`, and why:
    /// - `incorrect_map_schema.parquet`: a MAP whose keys are optional; pyarrow refuses it too
    ///   ("Map keys must be annotated as required").
    ///
    /// The corpus copy here has no encrypted files; `FooterTests` covers `PARE` footers and
    /// plaintext-footer encryption. The `*corrupt-checksum*` files have valid footers and read.
    static let expectedFailures: Set<String> = ["incorrect_map_schema.parquet"]

    @Test func everyCorpusFooterReadsOrFailsClearly() async throws {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return
        }
        let store = LocalObjectStore(root: directory)
        let files = try MetadataTestSupport.corpusFiles(in: directory)
        #expect(!files.isEmpty)
        var failures: [String: ParquetError] = [:]
        for file in files {
            do {
                let footer = try await ParquetFooter.read(from: store, key: file)
                let schema = try ParquetSchema(metadata: footer.metadata)
                for rowGroup in footer.metadata.rowGroups {
                    for (chunk, column) in zip(rowGroup.columns, schema.columns) {
                        let meta = try chunk.requireMetaData()
                        #expect(meta.pathInSchema == column.path, "\(file)")
                        #expect(meta.type == column.physicalType, "\(file)")
                    }
                }
            } catch let error as ParquetError {
                failures[file] = error
                #expect(error.file != nil || error.column != nil, "\(file): \(error)")
            }
        }
        for (file, error) in failures.sorted(by: { $0.key < $1.key }) {
            print("corpus: \(file) fails: \(error)")
        }
        #expect(Set(failures.keys) == Self.expectedFailures)
    }
}
