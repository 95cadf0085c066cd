import Foundation
import SluiceCore

/// Times in the bookkeeping tables: ISO 8601 UTC text with milliseconds
/// (`2026-11-20T03:00:00.123Z`), readable in `sqlite3` and parseable in any language. Written and
/// read through whole milliseconds, so a time read back equals the time written.
enum SQLiteTimestamp {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        return CivilDate(daysSinceEpoch: Int(days)).description + "T" + (secondOfDay / 3600).zeroPadded(width: 2)
            + ":" + (secondOfDay / 60 % 60).zeroPadded(width: 2) + ":" + (secondOfDay % 60).zeroPadded(width: 2)
            + "." + Int(milliseconds - seconds * 1000).zeroPadded(width: 3) + "Z"
    }

    /// Parses what `text` writes; the epoch for anything else (only Sluice writes these columns).
    static func date(_ text: String) -> Date {
        let parts = text.split(whereSeparator: { "-T:.Z".contains($0) }).map { Int($0) }
        guard parts.count == 7, let year = parts[0], let month = parts[1], let day = parts[2], let hour = parts[3],
            let minute = parts[4], let second = parts[5], let millisecond = parts[6],
            let date = CivilDate(year: year, month: month, day: day)
        else { return Date(timeIntervalSince1970: 0) }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: Double(seconds * 1000 + Int64(millisecond)) / 1000)
    }
}
