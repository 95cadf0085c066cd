import Foundation
import SluiceCore

/// The two time formats S3 answers with.
enum S3Time {
    /// ISO 8601 in XML bodies: `2009-10-12T17:50:30.000Z`.
    static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: text.contains(".")).parse(text)
    }

    /// The HTTP date in `Last-Modified` (RFC 7231's IMF-fixdate): `Wed, 25 Nov 2026 21:00:00 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int(fields[1]), let year = Int(fields[3]),
            let month = months.firstIndex(of: String(fields[2])).map({ $0 + 1 }),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
