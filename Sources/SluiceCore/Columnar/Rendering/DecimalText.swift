/// Decimal values as text with exactly `scale` digits after the point (`-12.30` for the unscaled
/// value -1230 at scale 2), never through a binary float.
public enum DecimalText {
    /// `unscaled / 10^scale` as text; a negative scale appends zeros.
    public static func format(_ unscaled: Int128, scale: Int) -> String {
        let digits = String(unscaled.magnitude)
        let sign = unscaled < 0 ? "-" : ""
        guard scale > 0 else {
            return sign + digits + String(repeating: "0", count: unscaled == 0 ? 0 : -scale)
        }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }
}
