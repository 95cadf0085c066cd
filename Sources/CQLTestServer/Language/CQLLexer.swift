/// Cuts a statement's text into tokens. Comments (`--`, `//`, `/* */`) are skipped.
struct CQLLexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    static func tokens(of text: String) throws(CQLSyntaxError) -> [CQLToken] {
        var lexer = CQLLexer(text)
        var tokens: [CQLToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(CQLSyntaxError) -> CQLToken {
        skipSpaceAndComments()
        let start = position
        guard position < bytes.count else { return CQLToken(kind: .end, offset: start) }
        let byte = bytes[position]
        if let uuid = uuidLiteral() { return CQLToken(kind: .uuid(uuid), offset: start) }
        switch byte {
        case UInt8(ascii: "'"):
            return CQLToken(kind: .string(try quoted(UInt8(ascii: "'"))), offset: start)
        case UInt8(ascii: "\""):
            return CQLToken(kind: .quotedName(try quoted(UInt8(ascii: "\""))), offset: start)
        case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "$"):
            return CQLToken(kind: .string(try dollarQuoted()), offset: start)
        case UInt8(ascii: "0") where peek(1) == UInt8(ascii: "x") || peek(1) == UInt8(ascii: "X"):
            position += 2
            let digits = take(while: Self.isHexDigit)
            guard digits.count % 2 == 0 else { throw CQLSyntaxError("a blob literal needs whole bytes", at: start) }
            var blob: [UInt8] = []
            var index = digits.startIndex
            while index < digits.endIndex {
                blob.append(Self.hexValue(digits[index]) << 4 | Self.hexValue(digits[index + 1]))
                index += 2
            }
            return CQLToken(kind: .hexBlob(blob), offset: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return CQLToken(kind: numberOrDuration(), offset: start)
        case UInt8(ascii: "-") where peek(1).map(Self.isDigit) ?? false:
            position += 1
            let rest = numberOrDuration()
            if case .number(let digits) = rest { return CQLToken(kind: .number("-" + digits), offset: start) }
            if case .duration(let text) = rest { return CQLToken(kind: .duration("-" + text), offset: start) }
            return CQLToken(kind: rest, offset: start)
        case UInt8(ascii: "?"):
            position += 1
            return CQLToken(kind: .marker, offset: start)
        case UInt8(ascii: ":") where peek(1).map(Self.isWordByte) ?? false:
            position += 1
            return CQLToken(
                kind: .namedMarker(String(decoding: take(while: Self.isWordByte), as: UTF8.self).lowercased()),
                offset: start)
        default:
            if Self.isWordStart(byte) {
                let word = String(decoding: take(while: Self.isWordByte), as: UTF8.self)
                if Self.isISODuration(word) {
                    return CQLToken(kind: .duration(word), offset: start)
                }
                return CQLToken(kind: .word(word.lowercased()), offset: start)
            }
            for symbol in [
                "<=", ">=", "!=", "=", "<", ">", "(", ")", ",", ";", ".", "*", "[", "]", "{", "}", "+", "-", ":",
            ]
            where matches(symbol) {
                position += symbol.utf8.count
                return CQLToken(kind: .symbol(symbol), offset: start)
            }
            throw CQLSyntaxError("unexpected character '\(Character(Unicode.Scalar(byte)))'", at: start)
        }
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func matches(_ symbol: String) -> Bool {
        let utf8 = Array(symbol.utf8)
        return position + utf8.count <= bytes.count && Array(bytes[position..<position + utf8.count]) == utf8
    }

    private mutating func take(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, predicate(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            if bytes[position] == 0x20 || (0x09...0x0D).contains(bytes[position]) {
                position += 1
            } else if matches("--") || matches("//") {
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            } else if matches("/*") {
                position += 2
                while position < bytes.count, !matches("*/") { position += 1 }
                position = min(position + 2, bytes.count)
            } else {
                return
            }
        }
    }

    /// A quoted string or name; the quote doubled stands for itself.
    private mutating func quoted(_ quote: UInt8) throws(CQLSyntaxError) -> String {
        let start = position
        position += 1
        var content: [UInt8] = []
        while position < bytes.count {
            if bytes[position] == quote {
                if peek(1) == quote {
                    content.append(quote)
                    position += 2
                    continue
                }
                position += 1
                return String(decoding: content, as: UTF8.self)
            }
            content.append(bytes[position])
            position += 1
        }
        throw CQLSyntaxError("an unterminated quoted string", at: start)
    }

    private mutating func dollarQuoted() throws(CQLSyntaxError) -> String {
        let start = position
        position += 2
        let contentStart = position
        while position < bytes.count, !matches("$$") { position += 1 }
        guard position < bytes.count else { throw CQLSyntaxError("an unterminated $$ string", at: start) }
        let content = String(decoding: bytes[contentStart..<position], as: UTF8.self)
        position += 2
        return content
    }

    /// Digits, then either a number's fraction and exponent or a duration's units (`1h30m`).
    private mutating func numberOrDuration() -> CQLToken.Kind {
        let start = position
        _ = take(while: Self.isDigit)
        if let next = peek(0), Self.isLetter(next), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") {
            _ = take { Self.isDigit($0) || Self.isLetter($0) }
            return .duration(String(decoding: bytes[start..<position], as: UTF8.self))
        }
        if peek(0) == UInt8(ascii: "."), peek(1).map(Self.isDigit) ?? false {
            position += 1
            _ = take(while: Self.isDigit)
        }
        if peek(0) == UInt8(ascii: "e") || peek(0) == UInt8(ascii: "E") {
            let signed = peek(1) == UInt8(ascii: "-") || peek(1) == UInt8(ascii: "+")
            if peek(signed ? 2 : 1).map(Self.isDigit) ?? false {
                position += signed ? 2 : 1
                _ = take(while: Self.isDigit)
            }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// `01234567-89ab-cdef-0123-456789abcdef` at the current position, not followed by a name byte.
    private mutating func uuidLiteral() -> String? {
        let groups = [8, 4, 4, 4, 12]
        var offset = 0
        for (index, length) in groups.enumerated() {
            for _ in 0..<length {
                guard let byte = peek(offset), Self.isHexDigit(byte) else { return nil }
                offset += 1
            }
            if index < groups.count - 1 {
                guard peek(offset) == UInt8(ascii: "-") else { return nil }
                offset += 1
            }
        }
        if let after = peek(offset), Self.isWordByte(after) { return nil }
        let text = String(decoding: bytes[position..<position + offset], as: UTF8.self)
        position += offset
        return text
    }

    /// `P1Y2M3DT4H`: a P, then digits and unit letters, with at least one digit.
    private static func isISODuration(_ word: String) -> Bool {
        (word.first == "P" || word.first == "p") && word.contains(where: \.isNumber)
            && word.dropFirst().allSatisfy { $0.isNumber || "YMWDTHS".contains($0.uppercased()) }
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
    static func isWordStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }
    static func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) }
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
    static func hexValue(_ byte: UInt8) -> UInt8 { isDigit(byte) ? byte - UInt8(ascii: "0") : (byte | 0x20) - 87 }
}
