import Foundation
import SluiceCore
import Testing

@testable import SluiceParquet

/// Damaged variants of valid small files: every one must fail with a `ParquetError` that names the
/// file and, when the damage is inside a column chunk, its row group and column. None may crash,
/// hang or allocate what a damaged size states.
@Suite struct CorruptFileTests {
    @Test func truncatedFilesFailNamingTheFile() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            let bytes = try #require(files["small_plain"])
            let count = bytes.count
            for length in [
                0, 1, 3, 4, 7, 8, 11, 12, 13, 100, count / 2, count - 200, count - 9, count - 8, count - 5, count - 1,
            ] {
                await CorruptFileTestSupport.expectParquetError(
                    Array(bytes.prefix(length)), key: "cut.parquet", kind: .invalidFile, "truncated to \(length) bytes")
            }
            // The data cut short while the footer survives: the chunks point past the data.
            let footer = try CorruptFileTestSupport.footer(bytes)
            let dataEnd = Int(footer.metadataOffset)
            let lastChunk = try #require(footer.metadata.rowGroups[0].columns.last?.metaData)
            let cut = Array(bytes[..<(dataEnd - Int(lastChunk.totalCompressedSize) / 2)]) + Array(bytes[dataEnd...])
            await CorruptFileTestSupport.expectParquetError(
                cut, key: "cut-data.parquet", rowGroup: 0, "data cut, footer kept")
        }
    }

    @Test func badMagicFailsNamingTheFile() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            // Small files: the footer read covers the leading magic, which is checked then. (For files
            // larger than the footer read, the leading magic is not fetched, as in Arrow and parquet-mr.)
            let bytes = try #require(files["small_plain"])
            var leading = bytes
            leading.replaceSubrange(0..<4, with: Array("PAR0".utf8))
            await CorruptFileTestSupport.expectParquetError(
                leading, key: "lead.parquet", kind: .invalidFile, "leading magic")
            var trailing = bytes
            trailing.replaceSubrange((bytes.count - 4)..., with: Array("PAR2".utf8))
            await CorruptFileTestSupport.expectParquetError(
                trailing, key: "trail.parquet", kind: .invalidFile, "trailing magic")
            trailing.replaceSubrange((bytes.count - 4)..., with: Array("PARE".utf8))
            await CorruptFileTestSupport.expectParquetError(
                trailing, key: "encrypted.parquet", kind: .unsupported, "encrypted footer magic")
            let text = Array("not a parquet file at all, just some text of sufficient length\n".utf8)
            await CorruptFileTestSupport.expectParquetError(text, key: "text.parquet", kind: .invalidFile, "text file")
        }
    }

    @Test func badFooterLengthsFailNamingTheFile() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            let bytes = try #require(files["small_plain"])
            let footer = try CorruptFileTestSupport.footer(bytes)
            for length in [
                bytes.count, bytes.count - 11, Int(UInt32.max), footer.metadataLength + 1, footer.metadataLength - 1, 0,
            ] {
                var damaged = bytes
                let value = UInt32(truncatingIfNeeded: length)
                damaged.replaceSubrange(
                    (bytes.count - 8)..<(bytes.count - 4),
                    with: [
                        UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24),
                    ])
                await CorruptFileTestSupport.expectParquetError(
                    damaged, key: "length.parquet", "footer length \(length)")
            }
        }
    }

    @Test func damagedFooterThriftFailsNamingTheFile() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            let bytes = try #require(files["small_plain"])
            let start = Int(try CorruptFileTestSupport.footer(bytes).metadataOffset)
            // Field 1 (version, i32) written with the wire type of a struct.
            var wrongType = bytes
            #expect(wrongType[start] == 0x15)
            wrongType[start] = 0x1C
            await CorruptFileTestSupport.expectParquetError(
                wrongType, key: "type.parquet", "footer field of the wrong type")
            // A varint that never ends.
            var badVarint = bytes
            badVarint.replaceSubrange((start + 1)..<(start + 13), with: [UInt8](repeating: 0xFF, count: 12))
            await CorruptFileTestSupport.expectParquetError(badVarint, key: "varint.parquet", "footer varint")
            // A list that states more elements than the footer holds.
            var wrongCount = bytes
            wrongCount.replaceSubrange((start + 2)..<(start + 8), with: [0x29, 0xFF, 0xFF, 0xFF, 0xFF, 0x07])
            await CorruptFileTestSupport.expectParquetError(wrongCount, key: "count.parquet", "footer list size")
        }
    }

    @Test func damagedPageHeadersFailNamingTheChunk() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            let bytes = try #require(files["small_single_dictionary"])
            let pages = try CorruptFileTestSupport.pages(bytes)
            #expect(pages.map(\.header.type) == [.dictionaryPage, .dataPage])
            for page in 0..<2 {
                for delta: Int32 in [-3, -1, 1, 7] {
                    let damaged = try CorruptFileTestSupport.replacingPageHeader(bytes, page: page) {
                        $0.compressedPageSize += delta
                    }
                    await CorruptFileTestSupport.expectParquetError(
                        damaged, key: "size.parquet", rowGroup: 0, column: "s",
                        "page \(page) compressed size off by \(delta)")
                }
                // The page type (field 1, i32) written with the wire type of a struct, then a varint that never ends.
                var wrongType = bytes
                #expect(wrongType[pages[page].offset] == 0x15)
                wrongType[pages[page].offset] = 0x1C
                await CorruptFileTestSupport.expectParquetError(
                    wrongType, key: "type.parquet", rowGroup: 0, column: "s", "page \(page) field of the wrong type")
                var badVarint = bytes
                let offset = pages[page].offset + 1
                badVarint.replaceSubrange(offset..<(offset + 12), with: [UInt8](repeating: 0xFF, count: 12))
                await CorruptFileTestSupport.expectParquetError(
                    badVarint, key: "varint.parquet", rowGroup: 0, column: "s", "page \(page) varint")
            }
        }
    }

    @Test func dictionaryIndexOutOfRangeFailsNamingTheChunk() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            let bytes = try #require(files["small_single_dictionary"])
            let pages = try CorruptFileTestSupport.pages(bytes)
            let data = pages[1]
            #expect(data.header.dataPageHeader?.numValues == 200)
            let body = data.offset + data.header.thriftBytes().count
            // A required column: the body is the index bit width (2 for three words), then runs.
            #expect(bytes[body] == 2)
            var damaged = bytes
            // One RLE run of 200 copies of index 3; the dictionary holds indices 0 to 2.
            damaged.replaceSubrange((body + 1)..<(body + 4), with: [0x90, 0x03, 0x03])
            await CorruptFileTestSupport.expectParquetError(
                damaged, key: "index.parquet", rowGroup: 0, column: "s", kind: .invalidEncoding, "index 3 of 3 words")
        }
    }

    @Test func damagedCompressedPagesFailNamingTheChunk() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            // Snappy: the stated length in the block's preamble no longer matches the page header's.
            let snappy = try #require(files["small_duckdb_snappy"])
            let snappyPage = try #require(try CorruptFileTestSupport.pages(snappy).first)
            var damagedSnappy = snappy
            damagedSnappy[snappyPage.offset + snappyPage.header.thriftBytes().count] ^= 0x01
            await CorruptFileTestSupport.expectParquetError(
                damagedSnappy, key: "snappy.parquet", rowGroup: 0, column: "tiny", kind: .decompressionFailed,
                "snappy preamble")
            // Snappy: a copy from before the start of the output.
            let body = snappyPage.offset + snappyPage.header.thriftBytes().count
            let preamble = snappy[body] < 0x80 ? 1 : 2
            var badCopy = snappy
            badCopy.replaceSubrange((body + preamble)..<(body + preamble + 5), with: [0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
            await CorruptFileTestSupport.expectParquetError(
                badCopy, key: "snappy.parquet", rowGroup: 0, column: "tiny", kind: .decompressionFailed, "snappy copy")
            // Zstd: a damaged frame header.
            let zstd = try #require(files["small_delta_zstd"])
            let zstdPage = try #require(try CorruptFileTestSupport.pages(zstd).first)
            let zstdBody = zstdPage.offset + zstdPage.header.thriftBytes().count
            #expect(Array(zstd[zstdBody..<(zstdBody + 4)]) == [0x28, 0xB5, 0x2F, 0xFD])
            for range in [zstdBody..<(zstdBody + 4), (zstdBody + 4)..<(zstdBody + 12)] {
                var damaged = zstd
                damaged.replaceSubrange(range, with: [UInt8](repeating: 0xFF, count: range.count))
                await CorruptFileTestSupport.expectParquetError(
                    damaged, key: "zstd.parquet", rowGroup: 0, column: "i32", kind: .decompressionFailed,
                    "zstd bytes \(range)")
            }
            // Gzip: a damaged deflate stream.
            let gzip = try #require(files["small_nested_gzip"])
            let gzipPage = try #require(try CorruptFileTestSupport.pages(gzip).first)
            let gzipBody = gzipPage.offset + gzipPage.header.thriftBytes().count
            var damagedGzip = gzip
            damagedGzip.replaceSubrange((gzipBody + 10)..<(gzipBody + 14), with: [0xFF, 0xFF, 0xFF, 0xFF])
            await CorruptFileTestSupport.expectParquetError(
                damagedGzip, key: "gzip.parquet", rowGroup: 0, column: "list", "gzip stream")
        }
    }

    @Test func hugeDeclaredSizesFailWithoutAllocatingThem() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            let bytes = try #require(files["small_single_dictionary"])
            // Uncompressed pages need no buffer of their stated uncompressed size, which is ignored:
            // those two may read; every other change must fail.
            let changes: [(String, (inout PageHeader) -> Void, page: Int, mayRead: Bool)] = [
                ("dictionary page values", { $0.dictionaryPageHeader?.numValues = .max }, 0, false),
                ("dictionary page uncompressed size", { $0.uncompressedPageSize = .max }, 0, true),
                ("dictionary page compressed size", { $0.compressedPageSize = .max }, 0, false),
                ("data page values", { $0.dataPageHeader?.numValues = .max }, 1, false),
                ("data page uncompressed size", { $0.uncompressedPageSize = .max }, 1, true),
                ("data page compressed size", { $0.compressedPageSize = .max }, 1, false),
            ]
            let before = CorruptFileTestSupport.peakResidentBytes
            for (name, change, page, mayRead) in changes {
                let damaged = try CorruptFileTestSupport.replacingPageHeader(bytes, page: page, change)
                if mayRead {
                    await expectReadOrParquetError(damaged, name)
                } else {
                    await CorruptFileTestSupport.expectParquetError(
                        damaged, key: "huge.parquet", rowGroup: 0, column: "s", name)
                }
            }
            // The footer's sizes. A file row count that contradicts the row groups, and a chunk size
            // running into the footer (clamped there, as pyarrow does), do not stop the read.
            let metadata = try CorruptFileTestSupport.footer(bytes).metadata
            let far = Int64.max - 10
            let footerChanges: [(String, (inout FileMetaData) -> Void, mayRead: Bool)] = [
                ("row group rows", { $0.rowGroups[0].numRows = .max }, false),
                ("file rows", { $0.numRows = .max }, true),
                ("chunk values", { $0.rowGroups[0].columns[0].metaData?.numValues = .max }, false),
                ("chunk size", { $0.rowGroups[0].columns[0].metaData?.totalCompressedSize = .max / 2 }, true),
                ("chunk size overflowing", { $0.rowGroups[0].columns[0].metaData?.totalCompressedSize = .max }, true),
                (
                    "chunk offsets",
                    {
                        $0.rowGroups[0].columns[0].metaData?.dataPageOffset = far
                        $0.rowGroups[0].columns[0].metaData?.dictionaryPageOffset = far
                    }, false
                ),
                ("negative chunk size", { $0.rowGroups[0].columns[0].metaData?.totalCompressedSize = -100 }, false),
                ("negative chunk offset", { $0.rowGroups[0].columns[0].metaData?.dictionaryPageOffset = -100 }, true),
            ]
            let footerStart = Int(try CorruptFileTestSupport.footer(bytes).metadataOffset)
            for (name, change, mayRead) in footerChanges {
                var changed = metadata
                change(&changed)
                let encoded = changed.thriftBytes()
                let length = UInt32(encoded.count)
                let damaged =
                    Array(bytes[..<footerStart]) + encoded
                    + [
                        UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF),
                        UInt8(length >> 24),
                    ]
                    + ParquetFooter.magic
                if mayRead {
                    await expectReadOrParquetError(damaged, name)
                } else {
                    await CorruptFileTestSupport.expectParquetError(damaged, key: "huge.parquet", name)
                }
            }
            let growth = CorruptFileTestSupport.peakResidentBytes - before
            #expect(growth < 1 << 30, "peak memory grew by \(growth) bytes")
        }
    }

    /// Expects all 200 rows of the file or a `ParquetError` naming it.
    private func expectReadOrParquetError(_ bytes: [UInt8], _ comment: String) async {
        do {
            let rows = try await CorruptFileTestSupport.readAll(bytes, key: "huge.parquet")
            #expect(rows == 200, "\(comment)")
        } catch let error as ParquetError {
            #expect(error.file == "huge.parquet", "\(comment): \(error)")
        } catch {
            Issue.record("\(comment): not a ParquetError: \(error)")
        }
    }
}
