import SluiceCompute
import Testing

@testable import SluiceSQL

/// The datetime pattern translator: formatting and parsing as Spark 4 does at UTC.
@Suite struct SparkDateTimePatternTests {
    /// 2026-03-01 12:30:45.123456 UTC.
    static let instant: Int64 = 1_772_368_245_123_456

    private func format(_ pattern: String, _ micros: Int64 = instant) throws -> String {
        try SparkDateTimePattern(pattern).format(micros)
    }

    private func parse(_ pattern: String, _ text: String) throws -> Int64? {
        let compiled = try SparkDateTimePattern(pattern)
        var text = text
        return text.withUTF8 { compiled.parse(UnsafeRawBufferPointer($0)) }
    }

    @Test func formatsNumbersTextAndLiterals() throws {
        #expect(try format("yyyy-MM-dd HH:mm:ss") == "2026-03-01 12:30:45")
        #expect(try format("yyyy-MM-dd HH:mm:ss.SSS") == "2026-03-01 12:30:45.123")
        #expect(try format("yyyy-MM-dd'T'HH:mm:ss.SSSSSS") == "2026-03-01T12:30:45.123456")
        #expect(try format("yy/M/d H:m:s") == "26/3/1 12:30:45")
        #expect(try format("EEE, d MMM yyyy h:mm a") == "Sun, 1 Mar 2026 12:30 PM")
        #expect(try format("EEEE MMMM dd") == "Sunday March 01")
        #expect(try format("'Q'Q QQQ QQQQ D DDD") == "Q1 Q1 1st quarter 60 060")
        #expect(try format("hh 'o''clock' a K k", 0) == "12 o'clock AM 0 24")
        #expect(try format("yyyy''MM") == "2026'03")
        #expect(try format("XXX Z z") == "Z +0000 UTC")
    }

    @Test func formatsBeforeTheEpochAndLeapDays() throws {
        #expect(try format("yyyy-MM-dd HH:mm:ss.SSS", -500_000) == "1969-12-31 23:59:59.500")
        // 2024-02-29 23:00 UTC.
        #expect(try format("yyyy-MM-dd HH EEE", 1_709_247_600_000_000) == "2024-02-29 23 Thu")
        // Year 10000 gets a sign past four digits; year -1 (2 BC) a minus.
        #expect(try format("yyyy-MM-dd", 253_402_300_800_000_000) == "+10000-01-01")
        #expect(try format("yyyy", -62_198_755_200_000_000) == "-0001")
    }

    @Test func parsesFixedAndVariableWidths() throws {
        #expect(try parse("yyyy-MM-dd HH:mm:ss", "2026-03-01 12:30:45") == 1_772_368_245_000_000)
        #expect(try parse("dd/MM/yyyy", "01/03/2026") == 1_772_323_200_000_000)
        #expect(try parse("d/M/yyyy", "1/3/2026") == 1_772_323_200_000_000)
        #expect(try parse("yyyyMMdd", "20260301") == 1_772_323_200_000_000)
        #expect(try parse("yyyyMMddHHmmss", "20260301123045") == 1_772_368_245_000_000)
        #expect(try parse("yyyy-MM-dd HH:mm:ss.SSS", "2026-03-01 12:30:45.1") == 1_772_368_245_100_000)
        #expect(try parse("yyyy-MM-dd HH:mm:ss.SSSSSS", "2026-03-01 12:30:45.123456") == Self.instant)
        #expect(try parse("dd MMM yyyy hh:mm a", "01 mar 2026 12:30 pm") == 1_772_368_200_000_000)
        #expect(try parse("dd MMMM yyyy", "01 MARCH 2026") == 1_772_323_200_000_000)
        #expect(try parse("yy-MM-dd", "26-03-01") == 1_772_323_200_000_000)
        #expect(try parse("yyyy-MM-dd HH:mmXXX", "2026-03-01 13:30+01:00") == 1_772_368_200_000_000)
        #expect(try parse("yyyy-MM-dd HH:mm z", "2026-03-01 12:30 UTC") == 1_772_368_200_000_000)
        // Missing fields come from 1970-01-01 00:00:00; times before the epoch are negative.
        #expect(try parse("HH:mm", "01:00") == 3_600_000_000)
        #expect(try parse("yyyy-MM-dd", "1969-12-31") == -86_400_000_000)
        #expect(try parse("yyyy-MM-dd", "2024-02-29") == 1_709_164_800_000_000)
    }

    @Test func refusesTextThePatternDoesNotMatch() throws {
        #expect(try parse("dd/MM/yyyy", "1/3/2026") == nil)
        #expect(try parse("yyyy-MM-dd", "2026-02-29") == nil)
        #expect(try parse("yyyy-MM-dd", "2026-13-01") == nil)
        #expect(try parse("yyyy-MM-dd", "2026-03-01 ") == nil)
        #expect(try parse("yyyy-MM-dd", "2026/03/01") == nil)
        #expect(try parse("HH:mm", "24:00") == nil)
        #expect(try parse("yyyy-MM-dd EEE", "2026-03-01 Mon") == nil)
        #expect(try parse("yyyy-MM-dd", "") == nil)
    }

    @Test func refusesWeekBasedAndUnknownLetters() {
        for pattern in ["YYYY-MM-dd", "yyyy-ww", "u", "yyyy-MM-dd bb", "yyyyyyy", "[yyyy]", "'open"] {
            #expect(throws: ComputeError.self, "\(pattern)") { _ = try SparkDateTimePattern(pattern) }
        }
    }
}
