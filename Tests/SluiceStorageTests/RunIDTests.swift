import Foundation
import SluiceCore
import Testing

@testable import SluiceStorage

@Suite("RunID")
struct RunIDTests {
    @Test func formatsUTCSecondsAndSixHexDigits() throws {
        // 2026-11-20T03:00:00Z
        let runID = try #require(RunID(secondsSince1970: 1_795_143_600, randomBits: 0x3f_a9c1))
        #expect(runID.description == "20261120T030000Z-3fa9c1")
        #expect(runID.randomSuffix == "3fa9c1")
        #expect(RunID(secondsSince1970: 0, randomBits: 0x1)?.description == "19700101T000000Z-000001")
    }

    @Test func parsesWhatItFormats() throws {
        let runID = try #require(RunID("20261120T030000Z-3fa9c1"))
        #expect(runID.secondsSince1970 == 1_795_143_600)
        #expect(runID.randomBits == 0x3f_a9c1)
        #expect(runID.date == Date(timeIntervalSince1970: 1_795_143_600))
        #expect(RunID(runID.description) == runID)
        #expect(RunID("20280229T235959Z-ffffff")?.description == "20280229T235959Z-ffffff")
        #expect(RunID("20000229T000000Z-000000") != nil)
        #expect(RunID("99991231T235959Z-abcdef") != nil)
    }

    @Test(arguments: [
        "", "latest", "tmp", "20261120T030000Z", "20261120T030000Z-3fa9c", "20261120T030000Z-3fa9c12",
        "20261120T030000Z-3FA9C1", "20261120T030000Z_3fa9c1", "20261120t030000Z-3fa9c1", "20261120T030000z-3fa9c1",
        "2026-11-20T030000Z-3fa9c1", "20261320T030000Z-3fa9c1", "20261100T030000Z-3fa9c1", "20261131T030000Z-3fa9c1",
        "20260229T030000Z-3fa9c1", "21000229T000000Z-000000", "20261120T240000Z-3fa9c1", "20261120T036000Z-3fa9c1",
        "20261120T030060Z-3fa9c1", "19691231T235959Z-000000", "2026112xT030000Z-3fa9c1", "20261120T030000Z-3fa9cg",
        " 20261120T030000Z-3fa9c1", "20261120T030000Z-3fa9c1/", "+0261120T030000Z-3fa9c1",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(RunID(text) == nil)
    }

    @Test func matchesFoundationsCalendar() throws {
        var generator = SplitMix64(seed: 42)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for _ in 0..<2000 {
            let seconds = Int64.random(in: 0...4_102_444_800, using: &generator)
            let runID = try #require(RunID(secondsSince1970: seconds, randomBits: 0))
            let expected = formatter.string(from: runID.date).replacingOccurrences(of: "-", with: "")
                .replacingOccurrences(of: ":", with: "")
            #expect(runID.description == expected + "-000000")
            #expect(RunID(runID.description) == runID)
        }
    }

    @Test func makeTruncatesToTheSecondAndUsesTheGenerator() {
        var first = SplitMix64(seed: 1)
        var second = SplitMix64(seed: 1)
        let date = Date(timeIntervalSince1970: 1_795_143_600.75)
        let one = RunID.make(at: date, random: &first)
        let two = RunID.make(at: date, random: &second)
        #expect(one == two)
        #expect(one.secondsSince1970 == 1_795_143_600)
        #expect(one.description.hasPrefix("20261120T030000Z-"))
        #expect(RunID.make(at: date, random: &first) != one)
        #expect(RunID.make().description.count == 23)
    }

    @Test func orderingByValueIsOrderingByString() {
        var generator = SplitMix64(seed: 9)
        let ids = (0..<500).map { _ in
            RunID.make(
                at: Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &generator)),
                random: &generator)
        }
        #expect(ids.sorted().map(\.description) == ids.map(\.description).sorted())
        let early = RunID("20261120T030000Z-ffffff")
        let late = RunID("20261120T030001Z-000000")
        #expect(early != nil && late != nil)
        if let early, let late {
            #expect(early < late)
        }
    }

    @Test func codableAsItsString() throws {
        let runID = try #require(RunID("20261120T030000Z-3fa9c1"))
        let data = try JSONEncoder().encode([runID])
        #expect(String(decoding: data, as: UTF8.self) == "[\"20261120T030000Z-3fa9c1\"]")
        #expect(try JSONDecoder().decode([RunID].self, from: data) == [runID])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([RunID].self, from: Data("[\"latest\"]".utf8)) }
    }
}
