import Foundation
import SluiceCore
import Testing

@testable import SluiceParquet

/// Thousands of damaged variants of valid small files (flat and nested; uncompressed, snappy,
/// gzip and zstd; plain, dictionary, delta and byte-stream-split pages; written by pyarrow and
/// DuckDB), each read whole. Reading may succeed or throw; it must never trap or hang.
@Suite struct FileFuzzTests {
    /// Cases per file (`SLUICE_FUZZ_CASES` runs more, for a longer hunt).
    static let casesPerFile = ProcessInfo.processInfo.environment["SLUICE_FUZZ_CASES"].flatMap { Int($0) } ?? 500
    /// The seed (`SLUICE_FUZZ_SEED` overrides it, for a different hunt).
    static let seed = ProcessInfo.processInfo.environment["SLUICE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_F11E

    @Test func damagedFilesReadOrThrow() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            var random = SplitMix64(seed: Self.seed)
            var outcomes = (read: 0, failed: 0)
            for name in CorruptFileTestSupport.smallFiles {
                let original = try #require(files[name])
                let dataEnd = Int(try CorruptFileTestSupport.footer(original).metadataOffset)
                // The valid file reads with both thread counts.
                try await CorruptFileTestSupport.readAll(original, key: name, threads: 2)
                for index in 0..<Self.casesPerFile {
                    let damaged = Self.mutate(original, dataEnd: dataEnd, random: &random)
                    do {
                        try await CorruptFileTestSupport.readAll(damaged, key: name, threads: 1 + index % 2)
                        outcomes.read += 1
                    } catch {
                        outcomes.failed += 1
                    }
                }
            }
            let total = outcomes.read + outcomes.failed
            print("file fuzz: \(total) cases, \(outcomes.read) read, \(outcomes.failed) failed with an error")
            #expect(total == Self.casesPerFile * CorruptFileTestSupport.smallFiles.count)
            // Most damage must be noticed; a test that only ever succeeds would damage nothing.
            #expect(outcomes.failed > total / 4)
        }
    }

    /// Page headers of every chunk re-encoded with one field changed to a random or boundary
    /// value: damage that keeps the Thrift valid, so it reaches the level and value decoders.
    @Test func damagedPageHeaderFieldsReadOrThrow() async throws {
        try await CorruptFileTestSupport.withSmallFiles { files in
            var random = SplitMix64(seed: Self.seed ^ 0xA5A5)
            var outcomes = (read: 0, failed: 0)
            for name in CorruptFileTestSupport.smallFiles {
                let original = try #require(files[name])
                let footer = try CorruptFileTestSupport.footer(original)
                var pages: [(rowGroup: Int, column: Int, page: Int)] = []
                for (group, rowGroup) in footer.metadata.rowGroups.enumerated() {
                    for column in rowGroup.columns.indices {
                        let count = try CorruptFileTestSupport.pages(original, rowGroup: group, column: column).count
                        pages += (0..<count).map { (group, column, $0) }
                    }
                }
                for _ in 0..<Self.casesPerFile / 2 {
                    let place = pages[Int(random.next() % UInt64(pages.count))]
                    let value = Self.interestingValue(&random)
                    let field = random.next() % 9
                    let encoding = Encoding.allCases[Int(random.next() % UInt64(Encoding.allCases.count))]
                    let damaged = try CorruptFileTestSupport.replacingPageHeader(
                        original, rowGroup: place.rowGroup, column: place.column, page: place.page
                    ) { header in
                        switch field {
                        case 0: header.uncompressedPageSize = value
                        case 1:
                            header.dataPageHeader?.numValues = value
                            header.dataPageHeaderV2?.numValues = value
                            header.dictionaryPageHeader?.numValues = value
                        case 2:
                            header.dataPageHeader?.encoding = encoding
                            header.dataPageHeaderV2?.encoding = encoding
                            header.dictionaryPageHeader?.encoding = encoding
                        case 3:
                            header.dataPageHeader?.definitionLevelEncoding = encoding
                            header.dataPageHeaderV2?.definitionLevelsByteLength = value
                        case 4:
                            header.dataPageHeader?.repetitionLevelEncoding = encoding
                            header.dataPageHeaderV2?.repetitionLevelsByteLength = value
                        case 5:
                            header.dataPageHeaderV2?.numRows = value
                            header.dataPageHeaderV2?.numNulls = value
                        case 6: header.dataPageHeaderV2?.isCompressed.toggle()
                        case 7: header.type = [.dataPage, .dataPageV2, .dictionaryPage, .indexPage][Int(value & 3)]
                        default: header.crc = value
                        }
                    }
                    do {
                        try await CorruptFileTestSupport.readAll(damaged, key: name)
                        outcomes.read += 1
                    } catch {
                        outcomes.failed += 1
                    }
                }
            }
            let total = outcomes.read + outcomes.failed
            print("page header fuzz: \(total) cases, \(outcomes.read) read, \(outcomes.failed) failed with an error")
            #expect(outcomes.failed > total / 4)
        }
    }

    /// A random Int32 near a boundary: 0, ±1, small, powers of two, the extremes.
    static func interestingValue(_ random: inout SplitMix64) -> Int32 {
        let values: [Int32] = [0, 1, -1, 2, 7, 8, 64, 255, 256, 1 << 15, 1 << 20, 1 << 30, .max, .min, .max - 1]
        let pick = random.next() % 4
        if pick == 0 { return Int32(truncatingIfNeeded: random.next() % 4096) }
        return values[Int(random.next() % UInt64(values.count))]
    }

    /// One random kind of damage: mostly inside the column data (before `dataEnd`), where the
    /// decoders meet it; sometimes in the footer, or truncation.
    static func mutate(_ original: [UInt8], dataEnd: Int, random: inout SplitMix64) -> [UInt8] {
        var bytes = original
        func position(in range: Range<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let data = 4..<dataEnd
        let footer = dataEnd..<(original.count - 8)
        let region = random.next() % 4 == 0 ? footer : data
        switch random.next() % 6 {
        case 0:
            for _ in 0...(random.next() % 4) {
                bytes[position(in: region)] ^= UInt8(1) << (random.next() % 8)
            }
        case 1:
            for _ in 0...(random.next() % 8) {
                bytes[position(in: region)] = UInt8(truncatingIfNeeded: random.next())
            }
        case 2:
            // A run of 0x00, 0xFF or random bytes.
            let start = position(in: region)
            let end = min(region.upperBound, start + 1 + Int(random.next() % 64))
            let fill = random.next() % 3
            for offset in start..<end {
                bytes[offset] = fill == 0 ? 0 : fill == 1 ? 0xFF : UInt8(truncatingIfNeeded: random.next())
            }
        case 3:
            // A boundary value where a size or count may sit.
            let values: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF]
            let start = position(in: region)
            for offset in start..<min(region.upperBound, start + 1 + Int(random.next() % 5)) {
                bytes[offset] = values[Int(random.next() % UInt64(values.count))]
            }
        case 4:
            // Bytes moved: a copy of another part of the file over this one.
            let start = position(in: region)
            let source = position(in: data)
            let count = min(region.upperBound - start, original.count - source, 1 + Int(random.next() % 32))
            bytes.replaceSubrange(start..<(start + count), with: original[source..<(source + count)])
        default:
            // Cut out a span of column data, keeping the footer.
            let start = position(in: data)
            let end = min(data.upperBound, start + 1 + Int(random.next() % 200))
            bytes.removeSubrange(start..<end)
        }
        return bytes
    }
}
