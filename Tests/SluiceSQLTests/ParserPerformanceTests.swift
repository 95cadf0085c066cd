import Testing

@testable import SluiceSQL

@Suite("SQL parser speed")
struct ParserPerformanceTests {
    /// A 1,000-line query: a CTE chain with wide select lists, CASE, window functions and joins.
    static let thousandLineQuery: String = {
        var lines = ["WITH base AS (", "  SELECT"]
        for index in 0..<450 {
            lines.append("    coalesce(c\(index), 0) * 2 + CAST(d\(index) AS DOUBLE) / 3 AS out\(index),")
        }
        lines.append("    k FROM events WHERE dt = '2026-11-20'),")
        lines.append("ranked AS (SELECT *, row_number() OVER (PARTITION BY k ORDER BY out1 DESC) AS rn FROM base)")
        lines.append("SELECT")
        for index in 0..<500 {
            lines.append(
                "  CASE WHEN r.out\(index % 450) > \(index) THEN 'hi' ELSE 'lo' END AS band\(index), -- \(index)")
        }
        lines.append("  r.k FROM ranked r LEFT JOIN users u ON u.id = r.k WHERE r.rn = 1 AND u.active IS NOT NULL")
        while lines.count < 1000 { lines.append("-- padding") }
        return lines.joined(separator: "\n")
    }()

    @Test("a 1,000-line query parses in well under a second even in a debug build")
    func thousandLines() throws {
        let sql = Self.thousandLineQuery
        #expect(sql.split(separator: "\n").count >= 1000)
        let clock = ContinuousClock()
        var query: Query?
        let elapsed = try clock.measure {
            query = try SQLParser.parseQuery(sql)
        }
        guard case .select(let select) = query?.body else {
            Issue.record("expected a SELECT")
            return
        }
        #expect(select.items.count == 501)
        #expect(elapsed < .milliseconds(500), "parsing took \(elapsed)")
    }
}
