/// Byte counts for people: `812 B`, `1.2 MB`, `3.40 GB` (decimal units, as storage consoles show).
public enum ByteCountText {
    public static func format(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes)
        var unit = 0
        while abs(value) >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let digits = value < 10 ? 2 : (value < 100 ? 1 : 0)
        return "\(fixed(value, digits)) \(units[unit])"
    }

    /// `value` with exactly `digits` digits after the point.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let whole = scaled / Int64(scale)
        let fraction = String(abs(scaled % Int64(scale)))
        return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
