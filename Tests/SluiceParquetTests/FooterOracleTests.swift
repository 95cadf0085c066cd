import Foundation
import SluiceCore
import SluiceStorage
import Testing

@testable import SluiceParquet

/// Compares Sluice's reading of every corpus footer with pyarrow's (via
/// `Oracles/footer_oracle.py` in the `.venv` that `scripts/python-env` makes).
struct FooterOracleTests {
    private struct OracleColumn: Decodable {
        var path: String
        var physicalType: String
        var maxDefinitionLevel: Int
        var maxRepetitionLevel: Int
    }

    private struct OracleField: Decodable {
        var name: String
        var type: String
        var nullable: Bool
    }

    private struct OracleFile: Decodable {
        var file: String
        var error: String?
        var numRows: Int64?
        var numRowGroups: Int?
        var numColumns: Int?
        var columns: [OracleColumn]?
        var hasArrowSchema: Bool?
        var arrowSchema: [OracleField]?
    }

    private static let physicalTypeNames: [PhysicalType: String] = [
        .boolean: "BOOLEAN", .int32: "INT32", .int64: "INT64", .int96: "INT96", .float: "FLOAT", .double: "DOUBLE",
        .byteArray: "BYTE_ARRAY", .fixedLenByteArray: "FIXED_LEN_BYTE_ARRAY",
    ]

    @Test func footersMatchPyArrow() async throws {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return
        }
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow")
            return
        }
        let files = try MetadataTestSupport.corpusFiles(in: directory)
        let output = try await PythonOracle.run(
            script: "footer_oracle.py", python: python, files.map { directory.appendingPathComponent($0).path })
        let lines = output.split(separator: "\n")
        let decoder = JSONDecoder()
        // The oracle prints snake_case keys.
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let oracle = try lines.map { try decoder.decode(OracleFile.self, from: Data($0.utf8)) }
        #expect(oracle.count == files.count)

        let store = LocalObjectStore(root: directory)
        var comparedSchemas = 0
        for (file, expected) in zip(files, oracle) {
            let result: (ParquetFooter, ParquetSchema)
            do {
                let footer = try await ParquetFooter.read(from: store, key: file)
                result = (footer, try ParquetSchema(metadata: footer.metadata))
            } catch {
                // Sluice may refuse only what pyarrow refuses too.
                #expect(expected.error != nil || expected.arrowSchema == nil, "\(file): Sluice failed: \(error)")
                continue
            }
            let (footer, schema) = result
            guard expected.error == nil, let columns = expected.columns else {
                Issue.record("\(file): pyarrow failed (\(expected.error ?? "")) but Sluice read it")
                continue
            }
            #expect(footer.metadata.numRows == expected.numRows, "\(file)")
            #expect(footer.metadata.rowGroups.count == expected.numRowGroups, "\(file)")
            #expect(schema.columns.count == expected.numColumns, "\(file)")
            for (column, oracleColumn) in zip(schema.columns, columns) {
                #expect(column.dottedPath == oracleColumn.path, "\(file)")
                #expect(Self.physicalTypeNames[column.physicalType] == oracleColumn.physicalType, "\(file)")
                #expect(column.maxDefinitionLevel == oracleColumn.maxDefinitionLevel, "\(file) \(oracleColumn.path)")
                #expect(column.maxRepetitionLevel == oracleColumn.maxRepetitionLevel, "\(file) \(oracleColumn.path)")
            }
            // A stored ARROW:schema lets pyarrow restore types the parquet schema cannot say
            // (large_string, null, time zones …); Sluice maps the parquet schema only.
            guard expected.hasArrowSchema == false, let fields = expected.arrowSchema else { continue }
            comparedSchemas += 1
            #expect(schema.schema.count == fields.count, "\(file)")
            for (field, oracleField) in zip(schema.schema.fields, fields) {
                #expect(field.name == oracleField.name, "\(file)")
                #expect(PyArrowTypeText.text(of: field) == oracleField.type, "\(file) \(field.name)")
                #expect(field.nullable == oracleField.nullable, "\(file) \(field.name)")
            }
        }
        print(
            "pyarrow oracle: \(files.count) footers compared, \(comparedSchemas) Arrow schemas compared field by field")
        #expect(comparedSchemas > 0)
    }
}
