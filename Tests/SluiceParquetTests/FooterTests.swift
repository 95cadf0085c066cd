import Foundation
import SluiceCore
import SluiceStorage
import Synchronization
import Testing

@testable import SluiceParquet

/// An object store that counts the requests it forwards, to check the footer's read pattern.
private final class CountingStore: ObjectStore {
    let base: LocalObjectStore
    let gets = Mutex<[Range<Int64>?]>([])
    let heads = Mutex(0)

    init(_ base: LocalObjectStore) { self.base = base }

    var displayLocation: String { base.displayLocation }
    func listPage(prefix: String, delimiter: String?, continuationToken: String?) async throws -> ObjectListPage {
        try await base.listPage(prefix: prefix, delimiter: delimiter, continuationToken: continuationToken)
    }
    func head(_ key: String) async throws -> ObjectInfo? {
        heads.withLock { $0 += 1 }
        return try await base.head(key)
    }
    func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8] {
        gets.withLock { $0.append(range) }
        return try await base.get(key, range: range)
    }
    func makeWriter(for key: String) async throws -> any ObjectWriter { try await base.makeWriter(for: key) }
    func delete(_ key: String) async throws { try await base.delete(key) }
    func shutdown() async throws {}
}

/// Reading footers through `ObjectStore`: the ranged-read pattern and every way a file can be bad.
struct FooterTests {
    @Test func smallFooterTakesOneHeadAndOneRead() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let metadata = ParquetTestMetadata.sample
            try await store.put("a.parquet", bytes: MetadataTestSupport.fileBytes(metadata, body: 200_000))
            let counting = CountingStore(store)
            let footer = try await ParquetFooter.read(from: counting, key: "a.parquet")
            #expect(footer.metadata == metadata)
            #expect(footer.metadataLength == metadata.thriftBytes().count)
            #expect(footer.metadataOffset == footer.fileSize - 8 - Int64(footer.metadataLength))
            #expect(counting.heads.withLock { $0 } == 1)
            let gets = counting.gets.withLock { $0 }
            #expect(gets.count == 1)
            #expect(gets.first??.count == ParquetFooter.speculativeTailSize)
            // With the size known (from a listing) there is no head request.
            _ = try await ParquetFooter.read(from: counting, key: "a.parquet", fileSize: footer.fileSize)
            #expect(counting.heads.withLock { $0 } == 1)
        }
    }

    @Test func largeFooterTakesASecondRead() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let metadata = MetadataTestSupport.sampleMetadata(rowGroups: 400)
            #expect(metadata.thriftBytes().count > ParquetFooter.speculativeTailSize)
            try await store.put("big.parquet", bytes: MetadataTestSupport.fileBytes(metadata, body: 1000))
            let counting = CountingStore(store)
            let footer = try await ParquetFooter.read(from: counting, key: "big.parquet")
            #expect(footer.metadata == metadata)
            #expect(counting.gets.withLock { $0.count } == 2)
        }
    }

    @Test func tinyFileChecksTheLeadingMagic() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            var bytes = MetadataTestSupport.fileBytes(ParquetTestMetadata.sample)
            bytes[0] = UInt8(ascii: "X")
            try await store.put("lead.parquet", bytes: bytes)
            let error = await #expect(throws: ParquetError.self) {
                try await ParquetFooter.read(from: store, key: "lead.parquet")
            }
            #expect(error?.kind == .invalidFile)
            #expect(error?.file == "lead.parquet")
            #expect(error?.detail.contains("start of the file") == true)
        }
    }

    @Test func damagedFilesNameTheFile() async throws {
        let valid = MetadataTestSupport.fileBytes(ParquetTestMetadata.sample, body: 100)
        var badMagic = valid
        badMagic[badMagic.count - 1] = UInt8(ascii: "2")
        var encrypted = valid
        encrypted[encrypted.count - 1] = UInt8(ascii: "E")
        var pastStart = valid
        pastStart[pastStart.count - 5] = 0x7F  // footer length's top byte
        var badThrift = valid
        let footerStart = valid.count - 8 - ParquetTestMetadata.sample.thriftBytes().count
        badThrift.replaceSubrange(footerStart..<footerStart + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
        var encryptedPlaintext = ParquetTestMetadata.sample
        encryptedPlaintext.encryptionAlgorithm = .aesGcmV1
        let cases: [(String, [UInt8], ParquetError.Kind, String)] = [
            ("empty.parquet", [], .invalidFile, "0 bytes"),
            ("short.parquet", Array("PAR1PAR1".utf8), .invalidFile, "at least 12"),
            ("magic.parquet", badMagic, .invalidFile, "bad magic at the end"),
            ("truncated.parquet", Array(valid.prefix(valid.count - 30)), .invalidFile, "bad magic at the end"),
            ("pare.parquet", encrypted, .unsupported, "encrypted footer"),
            ("past.parquet", pastStart, .invalidFile, "past the start of the file"),
            ("thrift.parquet", badThrift, .invalidMetadata, ""),
            ("plaintext.parquet", MetadataTestSupport.fileBytes(encryptedPlaintext), .unsupported, "AES_GCM_V1"),
        ]
        try await MetadataTestSupport.withTemporaryStore { store in
            for (key, bytes, kind, detail) in cases {
                try await store.put(key, bytes: bytes)
                let error = await #expect(throws: ParquetError.self, "\(key)") {
                    try await ParquetFooter.read(from: store, key: key)
                }
                #expect(error?.kind == kind, "\(key): \(String(describing: error))")
                #expect(error?.file == key)
                #expect(
                    detail.isEmpty || error?.detail.contains(detail) == true, "\(key): \(String(describing: error))")
                #expect(error?.description.hasPrefix("\(key): ") == true)
            }
            await #expect(throws: StorageError.self) {
                try await ParquetFooter.read(from: store, key: "missing.parquet")
            }
        }
    }

    @Test func decodeFromATail() throws {
        let bytes = MetadataTestSupport.fileBytes(ParquetTestMetadata.sample, body: 10)
        let footer = try ParquetFooter.decode(
            tail: Array(bytes.suffix(bytes.count - 2)), fileSize: Int64(bytes.count), key: "x")
        #expect(footer.metadata == ParquetTestMetadata.sample)
        #expect(throws: ParquetError.self) {
            try ParquetFooter.decode(tail: Array(bytes.suffix(20)), fileSize: Int64(bytes.count), key: "x")
        }
    }

    /// A 20-row-group footer decodes in microseconds (measured; the bound is loose for debug builds).
    @Test func twentyRowGroupFooterDecodesQuickly() throws {
        let metadata = MetadataTestSupport.sampleMetadata(rowGroups: 20)
        let bytes = MetadataTestSupport.fileBytes(metadata)
        let rounds = 200
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<rounds {
                _ = try ParquetFooter.decode(tail: bytes, fileSize: Int64(bytes.count), key: "x")
            }
        }
        let perFooter = elapsed / rounds
        print("20-row-group footer (\(bytes.count) bytes, 60 chunks): \(perFooter) per decode")
        #expect(perFooter < .milliseconds(20))
    }
}
