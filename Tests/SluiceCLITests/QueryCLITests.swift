import Foundation
import Testing

/// `sluice query`: views from paths, the three output formats, EXPLAIN, and a usage error's exit code.
@Suite("sluice query")
struct QueryCLITests {
    @Test("runs a grouped query over a view and reports an unknown column as a usage error")
    func queryAView() async throws {
        let file = ParquetCorpus.directory.appendingPathComponent("alltypes_plain.parquet")
        guard FileManager.default.fileExists(atPath: file.path) else {
            print("skipped: parquet-testing corpus not found at \(ParquetCorpus.directory.path)")
            return
        }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: file, to: scratch.url.appendingPathComponent("t.parquet"))
        let sql = "SELECT bool_col, count(*) AS n, max(id) AS top FROM T GROUP BY bool_col ORDER BY bool_col"

        let jsonl = try await SluiceBinary.run(
            ["query", sql, "--view", "t=t.parquet", "--format", "jsonl"], in: scratch.url)
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        #expect(
            jsonl.stdout == #"{"bool_col":false,"n":4,"top":7}"# + "\n" + #"{"bool_col":true,"n":4,"top":6}"# + "\n")

        let csv = try await SluiceBinary.run(
            ["query", sql, "--view", "t=t.parquet", "--format", "csv"], in: scratch.url)
        #expect(csv.stdout == "bool_col,n,top\nfalse,4,7\ntrue,4,6\n")

        try scratch.write("q.sql", sql + ";\n")
        let table = try await SluiceBinary.run(["query", "-f", "q.sql", "--view", "t=t.parquet"], in: scratch.url)
        #expect(table.stdout.split(separator: "\n").first?.split(separator: " ") == ["bool_col", "n", "top"])

        let explain = try await SluiceBinary.run(["query", "--explain", sql, "--view", "t=t.parquet"], in: scratch.url)
        #expect(explain.stdout.contains("HashAggregate"))
        #expect(explain.stdout.contains("ParquetScan T [id, bool_col]"))

        let unknown = try await SluiceBinary.run(
            ["query", "SELECT idd FROM t", "--view", "t=t.parquet"], in: scratch.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(#"line 1, column 8: unknown column "idd" (did you mean "id"?)"#))
    }
}
