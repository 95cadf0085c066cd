/// Byte sizes as people write them in options: `512MiB`, `4GB`, `2g`, `1.5 GiB`, `1048576`. A bare
/// letter (`k`, `m`, `g`, `t`) is binary, as in JVM and Spark options; `kB`/`MB`/… are decimal and
/// `KiB`/`MiB`/… binary.
public enum ByteSizeText {
    /// The number of bytes `text` names, or nil when it is not a size.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.filter { $0 != " " && $0 != "_" }
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let suffix = trimmed.dropFirst(digits.count).lowercased()
        guard let number = Double(digits), number >= 0 else { return nil }
        let (kib, mib, gib, tib) = (1024.0, 1_048_576.0, 1_073_741_824.0, 1_099_511_627_776.0)
        let multipliers: [String: Double] = [
            "": 1, "b": 1,
            "k": kib, "kib": kib, "kb": 1e3,
            "m": mib, "mib": mib, "mb": 1e6,
            "g": gib, "gib": gib, "gb": 1e9,
            "t": tib, "tib": tib, "tb": 1e12,
        ]
        guard let multiplier = multipliers[suffix] else { return nil }
        let bytes = (number * multiplier).rounded()
        guard bytes < 9.2e18 else { return nil }
        return Int64(bytes)
    }
}
