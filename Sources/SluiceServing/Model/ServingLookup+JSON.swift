import SluiceCore

extension ServingLookup {
    /// Row `index` as one JSON object (`{"user_id":7,"score":12.5}`); nil for a missing key.
    /// Blobs are base64 text, non-finite reals strings, as `sluice parquet cat` prints them.
    public func jsonObject(at index: Int) -> String? {
        guard let row = rows[index] else { return nil }
        var output = "{"
        for (position, (name, value)) in zip(columns, row).enumerated() {
            if position > 0 { output += "," }
            output += BackslashEscaping.quoted(name, quote: "\"") + ":" + Self.json(value)
        }
        return output + "}"
    }

    static func json(_ value: ServingValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let value): return String(value)
        case .real(let value): return value.isFinite ? "\(value)" : "\"\(value)\""
        case .text(let value): return BackslashEscaping.quoted(value, quote: "\"")
        case .blob(let bytes): return "\"" + bytes.withUnsafeBytes { Base64Text.encode($0) } + "\""
        }
    }
}
