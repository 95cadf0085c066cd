import Foundation
import SluiceCore
import SluiceStorage

/// What `sluice parquet schema` and `sluice parquet meta` print about one file: its footer and
/// schema, read with two small requests (the size, then the tail).
public struct ParquetFileReport: Sendable {
    public let name: String
    public let footer: ParquetFooter
    public let schema: ParquetSchema

    public init(name: String, footer: ParquetFooter) throws(ParquetError) {
        self.name = name
        self.footer = footer
        do {
            self.schema = try ParquetSchema(metadata: footer.metadata)
        } catch {
            throw error.at(file: name)
        }
    }

    /// Reads a local file's footer and schema.
    public static func open(path: String) async throws -> ParquetFileReport {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let store = LocalObjectStore(root: url.deletingLastPathComponent())
        let key = url.lastPathComponent
        guard try await store.head(key) != nil else {
            throw ParquetError(.invalidFile, "no such file", file: path)
        }
        do {
            return try ParquetFileReport(name: path, footer: try await ParquetFooter.read(from: store, key: key))
        } catch var error as ParquetError {
            // The footer reader names the store key; the person typed a path.
            error.file = path
            throw error
        }
    }

    private var metadata: FileMetaData { footer.metadata }

    /// The Arrow-style schema Sluice reads the file as, then the parquet leaf columns.
    public var schemaText: String {
        var text =
            "\(name): \(Self.count(metadata.numRows, "row")), \(Self.count(metadata.rowGroups.count, "row group"))\n"
        for field in schema.schema.fields { text += "  \(field)\n" }
        var table = TextTable(header: ["COLUMN", "PHYSICAL", "ANNOTATION", "REPETITION", "DEF", "REP"])
        for column in schema.columns {
            table.append([
                column.dottedPath, Self.physicalName(column), Self.annotation(column), "\(column.repetition)",
                String(column.maxDefinitionLevel), String(column.maxRepetitionLevel),
            ])
        }
        return text + "\nparquet columns:\n" + table.rendered
    }

    /// File facts, then per row group each column chunk's codec, encodings, sizes and statistics.
    public var metadataText: String {
        var text = "file        \(name) (\(ByteCountText.format(footer.fileSize)))\n"
        text += "created by  \(metadata.createdBy ?? "-")\n"
        text += "format      version \(metadata.version)\n"
        text += "rows        \(metadata.numRows) in \(Self.count(metadata.rowGroups.count, "row group"))\n"
        text += "footer      \(ByteCountText.format(Int64(footer.metadataLength)))\n"
        for pair in metadata.keyValueMetadata ?? [] {
            text += "key/value   \(pair.key) (\(ByteCountText.format(Int64(pair.value?.utf8.count ?? 0))))\n"
        }
        for (index, group) in metadata.rowGroups.enumerated() {
            let compressed = group.columns.reduce(Int64(0)) { $0 + ($1.metaData?.totalCompressedSize ?? 0) }
            text += "\nrow group \(index): \(group.numRows) rows, \(ByteCountText.format(compressed)) compressed, "
            text += "\(ByteCountText.format(group.totalByteSize)) uncompressed\n"
            var table = TextTable(header: [
                "COLUMN", "CODEC", "ENCODINGS", "VALUES", "NULLS", "COMPRESSED", "UNCOMPRESSED", "MIN", "MAX",
            ])
            for (chunk, column) in zip(group.columns, schema.columns) {
                guard let meta = chunk.metaData else {
                    table.append([column.dottedPath, "(encrypted)", "", "", "", "", "", "", ""])
                    continue
                }
                let stats = meta.statistics
                table.append([
                    column.dottedPath, "\(meta.codec)", meta.encodings.map { "\($0)" }.joined(separator: ","),
                    String(meta.numValues), stats?.nullCount.map(String.init) ?? "-",
                    ByteCountText.format(meta.totalCompressedSize), ByteCountText.format(meta.totalUncompressedSize),
                    StatisticsText.render(stats?.minValue ?? stats?.min, as: column),
                    StatisticsText.render(stats?.maxValue ?? stats?.max, as: column),
                ])
            }
            text += table.rendered
        }
        return text
    }

    private static func physicalName(_ column: ColumnDescriptor) -> String {
        column.physicalType == .fixedLenByteArray ? "fixedLenByteArray(\(column.typeLength))" : "\(column.physicalType)"
    }

    private static func annotation(_ column: ColumnDescriptor) -> String {
        if let logical = column.logicalType { return "\(logical)" }
        if let converted = column.convertedType { return "\(converted)" }
        return "-"
    }

    private static func count(_ value: some BinaryInteger, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
