import Foundation

/// ISO 8601 timestamps in UTC without a DateFormatter (which is slow and not Sendable-friendly).
public enum UTCTimestamp {
    /// `2026-11-20T03:00:00.123Z` (`fractionDigits` 0 gives `2026-11-20T03:00:00Z`).
    public static func iso8601(_ date: Date, fractionDigits: Int = 0) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let day = CivilDate(daysSinceEpoch: days)
        let time = [secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60].map { $0.zeroPadded(width: 2) }
        var text = "\(day)T" + time.joined(separator: ":")
        if fractionDigits > 0 {
            var scale = 1
            for _ in 0..<fractionDigits { scale *= 10 }
            let fraction = min(scale - 1, Int(((seconds - Double(whole)) * Double(scale)).rounded(.down)))
            text += "." + fraction.zeroPadded(width: fractionDigits)
        }
        return text + "Z"
    }
}
