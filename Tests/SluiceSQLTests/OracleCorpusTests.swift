import Foundation
import Testing

@testable import SluiceSQL

/// The oracle corpus is valid: enough uniquely named queries, each parsed by our parser and
/// answered by DuckDB over the generated tables. The engine's comparison test builds on
/// `OracleCorpus.load()`.
@Suite("SQL oracle corpus")
struct OracleCorpusTests {
    static let categories: Set<String> = [
        "proj", "where", "logic", "in", "exists", "between", "like", "case", "cast",
        "null", "str", "math", "div", "dec", "date", "agg", "group", "having", "distinct", "empty", "join", "cte",
        "subq", "set", "win", "latest", "order", "types",
    ]

    @Test("at least 150 queries, uniquely named by category, ordered ones with ORDER BY")
    func corpusShape() throws {
        let queries = try OracleCorpus.queries()
        #expect(queries.count >= 150)
        let names = queries.map(\.name)
        let duplicates = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate names: \(duplicates)")
        for query in queries {
            #expect(Self.categories.contains(query.category), "\(query.name): unknown category")
            #expect(!query.sql.isEmpty, "\(query.name): no SQL")
            if query.ordered {
                #expect(query.sql.uppercased().contains("ORDER BY"), "\(query.name): ordered without ORDER BY")
            }
        }
    }

    @Test("the header format: spark_differs, DuckDB's spelling and skips")
    func headerFormat() throws {
        let queries = try OracleCorpus.parse(
            """
            -- preamble
            -- name: a_one | ordered: true | spark_differs:
            -- duckdb: SELECT 1 AS x
            SELECT 1 AS x
            ORDER BY x;

            -- name: b_two | ordered: false | spark_differs: rounds differently
            -- duckdb_skip: no such function
            SELECT f(1)
            """)
        #expect(queries.map(\.name) == ["a_one", "b_two"])
        #expect(queries.map(\.sql) == ["SELECT 1 AS x\nORDER BY x", "SELECT f(1)"])
        #expect(queries.map(\.ordered) == [true, false])
        #expect(queries.map(\.sparkDiffers) == [nil, "rounds differently"])
        #expect(queries.map(\.duckDBSQL) == ["SELECT 1 AS x", nil])
        #expect(queries.map(\.duckDBSkip) == [nil, "no such function"])
        #expect(throws: OracleCorpus.Failure.self) {
            try OracleCorpus.parse("-- name: x | ordered: maybe | spark_differs:\nSELECT 1")
        }
    }

    @Test("oracle values decode as their JSON kinds")
    func oracleValues() throws {
        let json = #"[null, true, 7, -9223372036854775808, 2.5, 1e30, "NaN", [1, "a"], {"k": false}]"#
        let values = try JSONDecoder().decode([OracleValue].self, from: Data(json.utf8))
        #expect(
            values == [
                .null, .bool(true), .integer(7), .integer(.min), .number(2.5), .number(1e30), .text("NaN"),
                .list([.integer(1), .text("a")]), .object(["k": .bool(false)]),
            ])
    }

    @Test("every query parses")
    func everyQueryParses() throws {
        var failures: [String] = []
        for query in try OracleCorpus.queries() {
            do {
                _ = try SQLParser.parseQuery(query.sql)
            } catch {
                failures.append("\(query.name): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) queries do not parse:\n\(failures.joined(separator: "\n"))")
    }

    @Test("DuckDB answers every query not marked duckdb_skip")
    func duckDBAnswersEveryQuery() async throws {
        guard let loaded = try await OracleCorpus.load() else {
            print("skipped: .venv missing; run scripts/python-env to run the SQL oracle corpus with DuckDB")
            return
        }
        defer { loaded.removeData() }
        print(
            "oracle corpus: \(loaded.queries.count) queries, data generated in "
                + "\(String(format: "%.1f", loaded.generationSeconds)) s, DuckDB ran them in "
                + "\(String(format: "%.1f", loaded.oracleSeconds)) s")
        for query in loaded.queries {
            switch loaded.expected[query.name] {
            case .rows(let columns, let types, let rows):
                #expect(columns.count == types.count, "\(query.name)")
                #expect(rows.allSatisfy { $0.count == columns.count }, "\(query.name): ragged rows")
            case .error(let message):
                Issue.record("\(query.name): DuckDB failed: \(message)")
            case .skipped:
                #expect(query.duckDBSkip != nil, "\(query.name)")
            case nil:
                Issue.record("\(query.name): no DuckDB answer")
            }
        }
        // The generated data is what the queries assume.
        #expect(rows(loaded, "agg_count_star") == [[.integer(200_000)]])
        #expect(rows(loaded, "empty_count") == [[.integer(0), .integer(0), .integer(0)]])
        #expect(rows(loaded, "latest_per_key_count") == [[.integer(980), .integer(980)]])
    }

    private func rows(_ loaded: OracleCorpus.Loaded, _ name: String) -> [[OracleValue]]? {
        guard case .rows(_, _, let rows) = loaded.expected[name] else { return nil }
        return rows
    }
}
