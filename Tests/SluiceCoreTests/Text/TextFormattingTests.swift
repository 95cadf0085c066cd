import Foundation
import Testing

@testable import SluiceCore

@Suite("Text for people")
struct TextFormattingTests {
    @Test func closestMatch() {
        #expect(ClosestMatch.suggestion(for: "kee", among: ["key", "values", "table"]) == "key")
        #expect(ClosestMatch.suggestion(for: "conection", among: ["connection", "path"]) == "connection")
        #expect(ClosestMatch.suggestion(for: "zzz", among: ["key", "values"]) == nil)
        #expect(ClosestMatch.suggestion(for: "jbo1", among: ["job1", "job2x"]) == "job1")
        #expect(ClosestMatch.editDistance("abcd", "badc") == 2)
        #expect(ClosestMatch.editDistance("kitten", "sitting") == 3)
    }

    @Test func byteCounts() {
        #expect(ByteCountText.format(812) == "812 B")
        #expect(ByteCountText.format(1500) == "1.50 kB")
        #expect(ByteCountText.format(187_000_000) == "187 MB")
        #expect(ByteCountText.format(12_340_000_000) == "12.3 GB")
    }

    @Test func byteSizesAsWrittenInOptions() {
        #expect(ByteSizeText.parse("1048576") == 1_048_576)
        #expect(ByteSizeText.parse("512m") == 512 << 20)
        #expect(ByteSizeText.parse("4GiB") == 4 << 30)
        #expect(ByteSizeText.parse("4 GB") == 4_000_000_000)
        #expect(ByteSizeText.parse("1.5g") == 3 << 29)
        #expect(ByteSizeText.parse("2kb") == 2000)
        for bad in ["", "g", "-1g", "4 gigs", "1e3", "99999999999t"] {
            #expect(ByteSizeText.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func timestamps() {
        #expect(UTCTimestamp.iso8601(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18T11:06:40Z")
        #expect(
            UTCTimestamp.iso8601(Date(timeIntervalSince1970: 0.25), fractionDigits: 3) == "1970-01-01T00:00:00.250Z")
        #expect(UTCTimestamp.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test func json() {
        #expect(JSONText.quoted("a \"b\"\n\\ \u{01}é") == "\"a \\\"b\\\"\\n\\\\ \\u0001é\"")
    }
}

@Suite("Failure categories")
struct FailureCategoryTests {
    struct SystemFailure: Error {}

    @Test("errors that are not Sluice's own mean the work failed (exit 1), not a usage error")
    func categories() {
        #expect(FailureCategory(of: SystemFailure()) == .taskFailed)
        #expect(FailureCategory(of: CancellationError()) == .taskFailed)
        #expect(FailureCategory(of: LogicalDateError(text: "x")) == .usage)
    }

    @Test func zeroPadding() {
        #expect(7.zeroPadded(width: 3) == "007")
        #expect((-7).zeroPadded(width: 3) == "-007")
        #expect(12345.zeroPadded(width: 2) == "12345")
    }

    @Test func plainIdentifiers() {
        #expect(PlainIdentifier.isValid("user_id"))
        #expect(PlainIdentifier.isValid("_x1"))
        #expect(!PlainIdentifier.isValid("1x"))
        #expect(!PlainIdentifier.isValid("é"))
        #expect(!PlainIdentifier.isValid("a-b"))
        #expect(PlainIdentifier.isValid("a-b", alsoAllowing: ["-"]))
    }
}
