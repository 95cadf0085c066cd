import SluiceCore

/// The check that every part file of a dataset has the first file's columns.
enum SchemaAgreement {
    /// - Throws: `ParquetError` naming `file` and the first field (in the first file's order) that
    ///   is missing, extra, or of another type or nullability.
    static func check(_ schema: Schema, against expected: Schema, file: String, first: String) throws(ParquetError) {
        for (index, field) in expected.fields.enumerated() {
            guard index < schema.count, schema[index].name == field.name else {
                let found = index < schema.count ? "\"\(schema[index].name)\"" : "nothing"
                throw ParquetError(
                    .invalidMetadata,
                    "column \(index + 1) is \(found) but \"\(field.name)\" in the first file (\(first))",
                    file: file, column: field.name)
            }
            let actual = schema[index]
            guard actual.dataType == field.dataType, actual.nullable == field.nullable else {
                throw ParquetError(
                    .invalidMetadata,
                    "the column is \(describe(actual)) but \(describe(field)) in the first file (\(first))", file: file,
                    column: field.name)
            }
        }
        if schema.count > expected.count {
            throw ParquetError(
                .invalidMetadata, "the column is not in the first file (\(first))", file: file,
                column: schema[expected.count].name)
        }
    }

    private static func describe(_ field: Field) -> String {
        "\(field.dataType)" + (field.nullable ? "" : " not null")
    }
}
