/// The UTF-8 bytes of the SQL being read, kept to quote the offending line in syntax errors.
struct SourceText: Sendable {
    let bytes: [UInt8]

    /// The text of the line that holds byte `offset`, without its line break.
    func line(around offset: Int) -> String {
        let offset = min(max(0, offset), bytes.count)
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The token's text exactly as written.
    func text(of token: Token) -> String {
        let start = min(token.location.offset, bytes.count)
        let end = min(start + token.length, bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// An error underlining `byteLength` bytes from `location` (stopping at the end of the line).
    func error(_ message: String, at location: SourceLocation, byteLength: Int = 1) -> SQLSyntaxError {
        var width = 0
        var index = location.offset
        while index < min(bytes.count, location.offset + byteLength), bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] & 0xC0 != 0x80 { width += 1 }
            index += 1
        }
        return SQLSyntaxError(message, at: location, width: width, lineText: line(around: location.offset))
    }

    func error(_ message: String, at token: Token) -> SQLSyntaxError {
        error(message, at: token.location, byteLength: token.length)
    }
}
