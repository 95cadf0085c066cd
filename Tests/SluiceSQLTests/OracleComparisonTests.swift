import Foundation
import SluiceCompute
import SluiceSQL
import SluiceStorage
import Testing

/// Runs every query of the oracle corpus through the engine and compares its answer with DuckDB's.
///
/// A ratchet: `Oracle/passing.txt` lists the queries that pass. The test fails when one of them no
/// longer passes (or is no longer in the corpus), and prints the queries that pass but are not
/// listed yet, so they can be added. Queries marked `spark_differs` are Spark's to decide and are
/// skipped here.
@Suite("SQL oracle comparison")
struct OracleComparisonTests {
    static let passingList = OracleCorpus.folder.appendingPathComponent("passing.txt")

    /// What the engine did with one query.
    enum Outcome {
        case pass
        /// The engine refused: a feature it does not have yet.
        case unsupported(String)
        /// The engine failed otherwise.
        case failed(String)
        /// The engine answered, differently from DuckDB.
        case wrong(String)
        /// Spark decides this query, or DuckDB has no answer to compare with.
        case notCompared

        var detail: String {
            switch self {
            case .pass: return "passes"
            case .unsupported(let message): return "unsupported: \(message)"
            case .failed(let message): return "engine error: \(message)"
            case .wrong(let difference): return "wrong answer: \(difference)"
            case .notCompared: return "not compared"
            }
        }
    }

    @Test("the engine answers the corpus as DuckDB does; queries in passing.txt keep passing")
    func enginesAgree() async throws {
        guard let loaded = try await OracleCorpus.load() else {
            print("skipped: .venv missing; run scripts/python-env to compare the engine with DuckDB")
            return
        }
        defer { loaded.removeData() }
        let catalog = try await Self.catalog(loaded.dataFolder)
        let listed = try Self.names(in: Self.passingList)

        var outcomes: [String: Outcome] = [:]
        var sparkDiffers = 0
        var noOracle = 0
        var compared: [(query: OracleCorpus.Query, columns: Int, expected: [[OracleValue]])] = []
        for query in loaded.queries {
            if query.sparkDiffers != nil {
                sparkDiffers += 1
                outcomes[query.name] = .notCompared
            } else if case .rows(let columns, _, let expected) = loaded.expected[query.name] {
                compared.append((query, columns.count, expected))
            } else {
                noOracle += 1
                outcomes[query.name] = .notCompared
            }
        }
        // Each query runs on one task, so queries run side by side to use the cores.
        var seconds: [String: Double] = [:]
        await withTaskGroup(of: (String, Outcome, Double).self) { group in
            var pending = compared.makeIterator()
            func startNext() {
                guard let (query, columns, expected) = pending.next() else { return }
                group.addTask {
                    let clock = ContinuousClock()
                    let started = clock.now
                    let outcome = await Self.outcome(
                        of: query, columns: columns, expected: expected, catalog: catalog)
                    return (query.name, outcome, (clock.now - started) / .seconds(1))
                }
            }
            for _ in 0..<max(2, ProcessInfo.processInfo.activeProcessorCount) { startNext() }
            for await (name, outcome, time) in group {
                outcomes[name] = outcome
                seconds[name] = time
                startNext()
            }
        }

        for name in listed.sorted() {
            guard let outcome = outcomes[name] else {
                Issue.record("passing.txt lists \(name), which is not in the corpus")
                continue
            }
            if case .pass = outcome { continue }
            let sql = loaded.queries.first { $0.name == name }?.sql ?? ""
            Issue.record("\(name) no longer passes: \(outcome.detail)\n\(sql)")
        }
        let newlyPassing = loaded.queries.map(\.name).filter { name in
            guard case .pass = outcomes[name], !listed.contains(name) else { return false }
            return true
        }
        if !newlyPassing.isEmpty {
            print("oracle comparison: \(newlyPassing.count) queries pass but are not in passing.txt:")
            print(newlyPassing.joined(separator: "\n"))
        }
        Self.printReport(outcomes, queries: loaded.queries)
        let counts = Self.counts(outcomes.values)
        print(
            "oracle comparison: \(counts.pass) pass, \(counts.unsupported) unsupported, \(counts.failed) engine "
                + "errors, \(counts.wrong) wrong, \(sparkDiffers) spark_differs, \(noOracle) without a DuckDB answer "
                + "(query times sum to \(String(format: "%.1f", seconds.values.reduce(0, +))) s; slowest: "
                + seconds.sorted { $0.value > $1.value }.prefix(3)
                .map { "\($0.key) \(String(format: "%.2f", $0.value)) s" }.joined(separator: ", ") + ")")
    }

    @Test("rows compare as multisets, numbers within the tolerance, decimals exactly")
    func comparisonRules() {
        let rows: [[OracleValue]] = [[.integer(1), .number(0.1 + 0.2)], [.null, .text("1.50")]]
        let reordered: [[OracleValue]] = [[.null, .text("1.50")], [.integer(1), .number(0.3)]]
        #expect(OracleRowComparison.firstDifference(actual: rows, expected: reordered, ordered: false) == nil)
        #expect(OracleRowComparison.firstDifference(actual: rows, expected: reordered, ordered: true) != nil)
        #expect(!OracleRowComparison.valuesMatch(.text("1.50"), .text("1.5")))
        #expect(OracleRowComparison.valuesMatch(.integer(3), .number(3.0)))
        #expect(!OracleRowComparison.valuesMatch(.number(1.0), .number(1.000001)))
        #expect(OracleRowComparison.firstDifference(actual: rows, expected: [rows[0]], ordered: false) != nil)
        #expect(OracleRowComparison.firstDifference(actual: rows, expected: rows + rows, ordered: false) != nil)
    }

    /// One view per subfolder of the generated data, named after it.
    static func catalog(_ dataFolder: URL) async throws -> Catalog {
        let store = LocalObjectStore(root: dataFolder)
        let tables = try FileManager.default.contentsOfDirectory(atPath: dataFolder.path).sorted()
        var catalog = Catalog()
        for table in tables {
            catalog.register(table, try await TableSource.parquet(store: store, prefix: table + "/"))
        }
        return catalog
    }

    /// The query names in a list file: one a line; blank lines and `#` comments are ignored.
    static func names(in list: URL) throws -> Set<String> {
        let text = try String(contentsOf: list, encoding: .utf8)
        return Set(
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    static func outcome(
        of query: OracleCorpus.Query, columns: Int, expected: [[OracleValue]], catalog: Catalog
    ) async -> Outcome {
        let actual: [[OracleValue]]
        do {
            let result = try await QueryEngine().run(sql: query.sql, catalog: catalog)
            guard result.schema.fields.count == columns else {
                return .wrong("\(result.schema.fields.count) columns, DuckDB has \(columns)")
            }
            actual = try OracleEngineRows.rows(result)
        } catch let error as SQLAnalysisError where isUnsupported(error.message) {
            return .unsupported(error.message)
        } catch let error as SQLAnalysisError {
            return .failed(error.message)
        } catch let error as ComputeError where error.kind == .unsupported {
            return .unsupported(error.description)
        } catch {
            return .failed(String(describing: error).split(separator: "\n").first.map(String.init) ?? "")
        }
        if let difference = OracleRowComparison.firstDifference(
            actual: actual, expected: expected, ordered: query.ordered)
        {
            return .wrong(difference)
        }
        return .pass
    }

    /// Whether an analysis error says the engine lacks a feature (rather than rejecting the query).
    static func isUnsupported(_ message: String) -> Bool {
        message.contains("not supported") || message.hasPrefix("unknown function")
    }

    /// The feature an unsupported message names, so messages about the same feature count together.
    static func feature(_ message: String) -> String {
        if message.hasPrefix("unknown function") {
            return message.components(separatedBy: " (did you mean").first ?? message
        }
        if message.hasPrefix("EXISTS (") { return "EXISTS subqueries are not supported yet" }
        if message.contains(" IN (SELECT") { return "IN subqueries are not supported yet" }
        if message.hasPrefix("(SELECT") { return "scalar subqueries are not supported yet" }
        return message
    }

    static func counts(
        _ outcomes: some Sequence<Outcome>
    ) -> (pass: Int, unsupported: Int, failed: Int, wrong: Int) {
        var counts = (pass: 0, unsupported: 0, failed: 0, wrong: 0)
        for outcome in outcomes {
            switch outcome {
            case .pass: counts.pass += 1
            case .unsupported: counts.unsupported += 1
            case .failed: counts.failed += 1
            case .wrong: counts.wrong += 1
            case .notCompared: break
            }
        }
        return counts
    }

    /// Wrong answers and engine errors one by one, and the reasons queries are unsupported by count.
    static func printReport(_ outcomes: [String: Outcome], queries: [OracleCorpus.Query]) {
        var reasons: [String: Int] = [:]
        for query in queries {
            switch outcomes[query.name] {
            case .wrong(let difference):
                print("oracle comparison: WRONG \(query.name): \(difference)\n  \(query.sql)")
            case .failed(let message):
                print("oracle comparison: ERROR \(query.name): \(message)")
            case .unsupported(let message):
                reasons[feature(message), default: 0] += 1
            default:
                break
            }
        }
        for (message, count) in reasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            print("oracle comparison: unsupported \(count)× \(message)")
        }
    }
}
