import Foundation
import Testing

/// `sluice parquet cat|head` on a folder of part files: Hive partition folders become columns,
/// `_*` and `.*` files are skipped, and an empty folder is an error naming it.
@Suite("sluice parquet on a dataset folder")
struct DatasetCLITests {
    @Test("cat and head read a partitioned folder as one table")
    func catAndHeadOnAFolder() async throws {
        let corpus = ParquetCorpus.directory
        let file = corpus.appendingPathComponent("alltypes_plain.parquet")
        guard FileManager.default.fileExists(atPath: file.path) else {
            print("skipped: parquet-testing corpus not found at \(corpus.path)")
            return
        }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        for day in ["dt=2026-11-20", "dt=2026-11-21"] {
            let folder = scratch.url.appendingPathComponent("lake/\(day)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent("part-0.parquet"))
        }
        try scratch.write("lake/_SUCCESS", "{}")
        try scratch.write("lake/dt=2026-11-21/.part-0.parquet", "not parquet")

        let cat = try await SluiceBinary.run(["parquet", "cat", "lake", "--columns", "id,dt"], in: scratch.url)
        #expect(cat.status == 0, "\(cat.stderr)")
        let lines = cat.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 16)
        #expect(lines.first == #"{"id":4,"dt":"2026-11-20"}"#)
        #expect(lines.last == #"{"id":1,"dt":"2026-11-21"}"#)

        let head = try await SluiceBinary.run(["parquet", "head", "-n", "1", "lake"], in: scratch.url)
        #expect(head.status == 0, "\(head.stderr)")
        #expect(head.stdout.hasPrefix(#"{"id":4,"bool_col":true,"#))
        #expect(head.stdout.hasSuffix(#","dt":"2026-11-20"}"# + "\n"))

        let csv = try await SluiceBinary.run(
            ["parquet", "cat", "lake", "--format", "csv", "--columns", "dt,id"], in: scratch.url)
        #expect(csv.stdout.hasPrefix("dt,id\n2026-11-20,4\n"))

        // A single file reads as before: no partition columns.
        let single = try await SluiceBinary.run(
            ["parquet", "cat", "lake/dt=2026-11-20/part-0.parquet", "--columns", "id"], in: scratch.url)
        #expect(single.stdout.split(separator: "\n").first == #"{"id":4}"#)

        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try await SluiceBinary.run(["parquet", "cat", "empty"], in: scratch.url)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("empty/: invalid parquet file: no part files"), "\(empty.stderr)")
    }
}
