import Foundation
import SluiceCompute
import SluiceCore
import SluiceSQL
import Testing

/// Spark 4's date and time functions and interval arithmetic over the engine fixture (ANSI, UTC).
/// `orders.day` is 2026-01-01 plus 0…4 days by id: ids 1 and 4 on Jan 1st, 2 and 5 on the 2nd, 3 and 7
/// on the 3rd, 8 and 9 on the 4th, 6 and 10 on the 5th.
@Suite struct DateTimeFunctionTests {
    private func rows(_ sql: String) async throws -> [String] {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        return try await fixture.rows(sql)
    }

    @Test func dateArithmeticFunctions() async throws {
        #expect(
            try await rows(
                """
                SELECT date_add(day, 30) AS a, date_sub(day, 1) AS s, datediff(DATE '2026-03-01', day) AS dd,
                       date_add(day, CAST(NULL AS INT)) AS n, date_add('2024-02-28', 1) AS leap
                FROM orders WHERE id = 6
                """) == [#"{"a":"2026-02-04","s":"2026-01-04","dd":55,"n":null,"leap":"2024-02-29"}"#])
        #expect(
            try await rows(
                "SELECT datediff(DATE '1969-12-31', DATE '1970-01-02') AS back, date_sub(DATE '1970-01-01', 1) AS pre")
                == [#"{"back":-2,"pre":"1969-12-31"}"#])
        #expect(
            try await rows("SELECT day + 1 AS a, 2 + day AS b, day - 5 AS c, day + qty AS d FROM orders WHERE id = 6")
                == [#"{"a":"2026-01-06","b":"2026-01-07","c":"2025-12-31","d":"2026-01-06"}"#])
        await #expect(throws: SQLAnalysisError.self) { _ = try await rows("SELECT date_add(day, 1L) FROM orders") }
        await #expect(throws: SQLAnalysisError.self) { _ = try await rows("SELECT day + 1L FROM orders") }
        await #expect(throws: SQLAnalysisError.self) { _ = try await rows("SELECT 1 - day FROM orders") }
        await #expect(throws: ComputeError.self) {
            _ = try await rows("SELECT date_add(DATE '2026-01-01', 2147483647)")
        }
    }

    @Test func addMonthsClampsToTheMonthsLastDay() async throws {
        #expect(
            try await rows(
                """
                SELECT add_months(DATE '2026-01-31', 1) AS feb, add_months(DATE '2024-01-31', 1) AS leap,
                       add_months(DATE '2024-02-29', 12) AS next, add_months(DATE '2026-03-31', -1) AS back,
                       add_months(DATE '2026-02-28', 1) AS mar, last_day(DATE '2024-02-10') AS last,
                       last_day(DATE '2026-12-31') AS dec, last_day(to_date(NULL)) AS n
                """)
                == [
                    #"{"feb":"2026-02-28","leap":"2024-02-29","next":"2025-02-28","back":"2026-02-28","mar":"2026-03-28","last":"2024-02-29","dec":"2026-12-31","n":null}"#
                ])
    }

    @Test func fieldsOfDatesAndTimestamps() async throws {
        #expect(
            try await rows(
                """
                SELECT year(d) AS y, quarter(d) AS q, month(d) AS m, day(d) AS dd, dayofmonth(d) AS dm,
                       dayofweek(d) AS w, dayofyear(d) AS doy
                FROM (SELECT DATE '2024-12-31' AS d) t
                """) == [#"{"y":2024,"q":4,"m":12,"dd":31,"dm":31,"w":3,"doy":366}"#])
        #expect(
            try await rows(
                """
                SELECT year(ts) AS y, month(ts) AS m, day(ts) AS d, hour(ts) AS h, minute(ts) AS mi, second(ts) AS s,
                       hour(TIMESTAMP_NTZ '2026-03-01 07:08:09') AS ntz, hour(DATE '2026-03-01') AS midnight,
                       year('2026-05-06') AS text, hour(to_timestamp(NULL)) AS n
                FROM (SELECT TIMESTAMP '1969-12-31 23:59:58.5' AS ts) t
                """)
                == [#"{"y":1969,"m":12,"d":31,"h":23,"mi":59,"s":58,"ntz":7,"midnight":0,"text":2026,"n":null}"#])
    }

    @Test func truncation() async throws {
        #expect(
            try await rows(
                """
                SELECT date_trunc('YEAR', ts) AS y, date_trunc('quarter', ts) AS q, date_trunc('MM', ts) AS m,
                       date_trunc('WEEK', ts) AS w, date_trunc('DD', ts) AS d, date_trunc('HOUR', ts) AS h,
                       date_trunc('MINUTE', ts) AS mi, date_trunc('SECOND', ts) AS s, date_trunc('fortnight', ts) AS bad
                FROM (SELECT TIMESTAMP '2026-08-13 14:35:56.789' AS ts) t
                """)
                == [
                    #"{"y":"2026-01-01T00:00:00.000000Z","q":"2026-07-01T00:00:00.000000Z","m":"2026-08-01T00:00:00.000000Z","w":"2026-08-10T00:00:00.000000Z","d":"2026-08-13T00:00:00.000000Z","h":"2026-08-13T14:00:00.000000Z","mi":"2026-08-13T14:35:00.000000Z","s":"2026-08-13T14:35:56.000000Z","bad":null}"#
                ])
        #expect(
            try await rows(
                """
                SELECT trunc(DATE '2026-08-13', 'YEAR') AS y, trunc(DATE '2026-08-13', 'Q') AS q1,
                       trunc(DATE '2026-08-13', 'QUARTER') AS q, trunc(DATE '2026-08-13', 'mon') AS m,
                       trunc(DATE '2026-08-13', 'week') AS w, trunc(DATE '2026-08-13', 'DAY') AS d,
                       date_trunc('HOUR', TIMESTAMP '1969-12-31 23:30:00') AS before
                """)
                == [
                    #"{"y":"2026-01-01","q1":null,"q":"2026-07-01","m":"2026-08-01","w":"2026-08-10","d":null,"before":"1969-12-31T23:00:00.000000Z"}"#
                ])
    }

    @Test func formattingAndUnixTime() async throws {
        #expect(
            try await rows(
                """
                SELECT date_format(TIMESTAMP '2026-03-01 09:05:07.25', 'yyyy-MM-dd HH:mm:ss.SSS EEE MMM a') AS f,
                       date_format(DATE '2024-02-29', 'dd/MM/yy') AS d, date_format(to_timestamp(NULL), 'yyyy') AS n,
                       unix_timestamp(TIMESTAMP '1969-12-31 23:59:59.5') AS before, unix_timestamp(DATE '2026-01-01') AS day,
                       unix_timestamp('2026-01-01 00:00:10') AS text, unix_timestamp('01/01/2026', 'dd/MM/yyyy') AS pattern,
                       from_unixtime(0) AS epoch, from_unixtime(1767225600, 'yyyy/MM/dd HH') AS f2,
                       from_unixtime(-1) AS neg
                """)
                == [
                    #"{"f":"2026-03-01 09:05:07.250 Sun Mar AM","d":"29/02/24","n":null,"before":-1,"day":1767225600,"text":1767225610,"pattern":1767225600,"epoch":"1970-01-01 00:00:00","f2":"2026/01/01 00","neg":"1969-12-31 23:59:59"}"#
                ])
        await #expect(throws: SQLAnalysisError.self) {
            _ = try await rows("SELECT date_format(day, 'YYYY') FROM orders")
        }
    }

    @Test func unaliasedColumnsHaveSparksNames() async throws {
        #expect(
            try await rows("SELECT from_unixtime(0), unix_timestamp(DATE '1970-01-02'), year(DATE '2026-01-01')")
                == [
                    #"{"from_unixtime(0, yyyy-MM-dd HH:mm:ss)":"1970-01-01 00:00:00","unix_timestamp(DATE '1970-01-02', yyyy-MM-dd HH:mm:ss)":86400,"year(DATE '2026-01-01')":2026}"#
                ])
    }

    @Test func parsingWithPatterns() async throws {
        #expect(
            try await rows(
                """
                SELECT to_date('01/03/2026', 'dd/MM/yyyy') AS d, to_date('2026-03-01') AS plain,
                       to_timestamp('2026-03-01 12:30:00') AS ts, to_timestamp('1/3/2026 7:05', 'd/M/yyyy H:mm') AS p,
                       try_to_timestamp('nope', 'yyyy-MM-dd') AS bad, try_to_timestamp('nope') AS bad2,
                       to_timestamp(NULL, 'yyyy') AS n, to_date(TIMESTAMP '2026-03-01 23:00:00', 'yyyy') AS ignored
                """)
                == [
                    #"{"d":"2026-03-01","plain":"2026-03-01","ts":"2026-03-01T12:30:00.000000Z","p":"2026-03-01T07:05:00.000000Z","bad":null,"bad2":null,"n":null,"ignored":"2026-03-01"}"#
                ])
        let error = await #expect(throws: ComputeError.self) {
            _ = try await rows("SELECT to_date('2026-02-30', 'yyyy-MM-dd') AS d")
        }
        #expect(error?.kind == .cannotParseTimestamp)
        let columnError = await #expect(throws: ComputeError.self) {
            _ = try await rows("SELECT to_timestamp(customer, 'yyyy') FROM orders WHERE customer IS NOT NULL")
        }
        #expect(columnError?.kind == .cannotParseTimestamp)
    }

    @Test func currentDateAndTimestampAreFixedPerQuery() async throws {
        let before = Int64((Date.now.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let result = try await QueryEngine().run(
            sql: "SELECT current_timestamp AS a, current_timestamp() AS b, now() AS c, current_date AS d FROM wide",
            catalog: fixture.catalog)
        let after = Int64((Date.now.timeIntervalSince1970 * 1_000_000).rounded(.up))
        #expect(result.rowCount == 5000)
        var values = Set<Int64>()
        for batch in result.batches {
            for column in 0..<3 {
                let timestamps = try #require(batch.columns[column] as? TimestampArray)
                for row in 0..<batch.numRows { values.insert(timestamps.value(at: row)) }
            }
            let dates = try #require(batch.columns[3] as? Date32Array)
            #expect(
                Int64(dates.value(at: 0)) == before / 86_400_000_000
                    || Int64(dates.value(at: 0)) == after / 86_400_000_000)
        }
        #expect(values.count == 1)
        let value = try #require(values.first)
        #expect(value >= before && value <= after)
        #expect(
            result.schema.fields.map(\.dataType) == [
                .timestamp(.microsecond, timezone: "UTC"), .timestamp(.microsecond, timezone: "UTC"),
                .timestamp(.microsecond, timezone: "UTC"), .date32,
            ])
    }

    @Test func intervalArithmetic() async throws {
        #expect(
            try await rows(
                """
                SELECT DATE '2026-02-28' + INTERVAL 3 DAYS AS d, DATE '2026-03-01' - INTERVAL '1' DAY AS back,
                       DATE '2026-01-31' + INTERVAL 1 MONTH AS m, INTERVAL 1 YEAR + DATE '2024-02-29' AS y,
                       DATE '2026-03-01' + INTERVAL 2 HOURS AS ts, DATE '2026-03-01' + INTERVAL 1 WEEK AS w,
                       TIMESTAMP '2026-03-01 23:00:00' + INTERVAL 2 HOURS AS later,
                       TIMESTAMP '2026-03-01 00:00:00' - INTERVAL 1 DAY 30 MINUTES AS earlier,
                       TIMESTAMP '2026-01-31 10:00:00' + INTERVAL '1' MONTH AS tm,
                       TIMESTAMP '2026-03-01 00:00:00' + INTERVAL 1.5 SECONDS AS frac,
                       to_date(NULL) + INTERVAL 1 DAY AS n
                """)
                == [
                    #"{"d":"2026-03-03","back":"2026-02-28","m":"2026-02-28","y":"2025-02-28","ts":"2026-03-01T02:00:00.000000Z","w":"2026-03-08","later":"2026-03-02T01:00:00.000000Z","earlier":"2026-02-27T23:30:00.000000Z","tm":"2026-02-28T10:00:00.000000Z","frac":"2026-03-01T00:00:01.500000Z","n":null}"#
                ])
        #expect(
            try await rows("SELECT count(*) AS n FROM orders WHERE day + INTERVAL 1 DAY > DATE '2026-01-04'") == [
                #"{"n":4}"#
            ])
        for sql in [
            "SELECT DATE '2026-01-01' + INTERVAL 1 MONTH 2 DAYS", "SELECT INTERVAL 1 DAY - DATE '2026-01-01'",
            "SELECT qty + INTERVAL 1 DAY FROM orders", "SELECT DATE '2026-01-01' + INTERVAL 1.5 MONTHS",
        ] {
            await #expect(throws: SQLAnalysisError.self, "\(sql)") { _ = try await rows(sql) }
        }
    }
}
