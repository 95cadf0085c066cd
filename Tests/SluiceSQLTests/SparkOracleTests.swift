import Foundation
import SluiceCore
import SluiceSQL
import SluiceSpark
import Testing

/// The oracle corpus on Spark: every query runs on the local engine and on a real Spark (the
/// Spark Connect server scripts/test starts), over the same parquet files. Their answers must
/// agree (rows as multisets, in order where the query orders, floats within 1e-9 relative), or
/// both refuse the query, or the query is listed in `Oracle/spark_differences.txt` with the reason.
@Suite("SQL oracle corpus on Spark", .timeLimit(.minutes(15)))
struct SparkOracleTests {
    static let differencesList = OracleCorpus.folder.appendingPathComponent("spark_differences.txt")

    /// An engine's answer: rows, or the error that refused the query.
    enum Answer {
        case rows([[OracleValue]])
        case refused(String)
    }

    @Test("the local engine answers every query as Spark does, or the difference is listed with its reason")
    func localAgreesWithSpark() async throws {
        guard let remote = ProcessInfo.processInfo.environment["SLUICE_TEST_SPARK_REMOTE"] else {
            print("skipped: no Spark Connect server (SLUICE_TEST_SPARK_REMOTE; scripts/test starts one)")
            return
        }
        guard let loaded = try await OracleCorpus.load() else {
            print("skipped: .venv missing; run scripts/python-env")
            return
        }
        defer { loaded.removeData() }
        let catalog = try await OracleComparisonTests.catalog(loaded.dataFolder)
        let client = try SparkConnectClient(try SparkConnectURL(remote))
        defer { Task { await client.close() } }
        for table in try FileManager.default.contentsOfDirectory(atPath: loaded.dataFolder.path).sorted() {
            let path = loaded.dataFolder.appendingPathComponent(table).absoluteURL.absoluteString
            _ = try await client.execute(SparkPlan.parquetView(table, path: path))
        }
        let listed = try Self.reasons(in: Self.differencesList)
        var agreeing = 0
        var differing: [String] = []
        for query in loaded.queries {
            let local = await Self.localAnswer(query, catalog: catalog)
            let spark = await Self.sparkAnswer(query, client: client)
            let difference = Self.difference(local: local, spark: spark, ordered: query.ordered)
            switch (difference, listed[query.name]) {
            case (nil, nil):
                agreeing += 1
            case (nil, .some):
                Issue.record("\(query.name) is listed in spark_differences.txt, but both engines now agree")
            case (let difference?, nil):
                Issue.record("\(query.name): the local engine and Spark differ: \(difference)\n\(query.sql)")
                differing.append(query.name)
            case (.some, .some):
                differing.append(query.name)
            }
        }
        for name in listed.keys.sorted() where !loaded.queries.contains(where: { $0.name == name }) {
            Issue.record("spark_differences.txt lists \(name), which is not in the corpus")
        }
        print(
            "oracle corpus on Spark: \(agreeing) of \(loaded.queries.count) queries answered alike, "
                + "\(differing.count) differ (listed with reasons)")
    }

    static func localAnswer(_ query: OracleCorpus.Query, catalog: Catalog) async -> Answer {
        do {
            return .rows(try OracleEngineRows.rows(try await QueryEngine().run(sql: query.sql, catalog: catalog)))
        } catch {
            return .refused(String(describing: error))
        }
    }

    static func sparkAnswer(_ query: OracleCorpus.Query, client: SparkConnectClient) async -> Answer {
        do {
            return .rows(try OracleEngineRows.rows(try await client.execute(SparkPlan.sql(query.sql)).batches))
        } catch {
            return .refused(String(describing: error))
        }
    }

    static func difference(local: Answer, spark: Answer, ordered: Bool) -> String? {
        switch (local, spark) {
        case (.rows(let mine), .rows(let theirs)):
            return OracleRowComparison.firstDifference(actual: mine, expected: theirs, ordered: ordered)
        case (.refused, .refused):
            return nil
        case (.refused(let error), .rows):
            return "the local engine refused it (\(error)), Spark answered"
        case (.rows, .refused(let error)):
            return "Spark refused it (\(error)), the local engine answered"
        }
    }

    /// `name: reason` lines; blank lines and `#` comments are ignored.
    static func reasons(in list: URL) throws -> [String: String] {
        var reasons: [String: String] = [:]
        for line in try String(contentsOf: list, encoding: .utf8).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#"), let colon = text.firstIndex(of: ":") else { continue }
            reasons[String(text[..<colon])] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return reasons
    }
}
