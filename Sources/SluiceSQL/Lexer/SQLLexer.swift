/// Splits Spark SQL text into tokens in one pass over its UTF-8 bytes.
///
/// Spark's rules: `--` and nested `/* */` comments, `'…'` and `"…"` strings with backslash escapes
/// (adjacent strings are joined by the parser), `R'…'` raw strings, backquoted identifiers with
/// ``` `` ``` for a backquote, and numbers with the `Y S L F D BD` suffixes.
public struct SQLLexer: Sendable {
    let source: SourceText
    private var position = 0
    private var line = 1
    /// A byte offset on the current line whose column is known, so columns are counted only once.
    private var markOffset = 0
    private var markColumn = 1

    init(source: SourceText) {
        self.source = source
    }

    /// Every token of `sql`, ending with one `.end` token.
    public static func tokens(in sql: String) throws(SQLSyntaxError) -> [Token] {
        var lexer = SQLLexer(source: SourceText(bytes: Array(sql.utf8)))
        return try lexer.tokenize()
    }

    mutating func tokenize() throws(SQLSyntaxError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(source.bytes.count / 4 + 1)
        while true {
            try skipSpacesAndComments()
            let start = position
            let location = currentLocation()
            guard position < bytes.count else {
                tokens.append(Token(kind: .end, location: location, length: 0))
                return tokens
            }
            let kind = try scanToken(at: location)
            tokens.append(Token(kind: kind, location: location, length: position - start))
        }
    }

    private var bytes: [UInt8] { source.bytes }

    private func byte(at index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    private mutating func currentLocation() -> SourceLocation {
        var column = markColumn
        for index in markOffset..<position where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        markOffset = position
        markColumn = column
        return SourceLocation(line: line, column: column, offset: position)
    }

    /// Steps over one byte that may be a line break (inside strings, comments and spaces).
    private mutating func consume() {
        if bytes[position] == UInt8(ascii: "\n") {
            line += 1
            markOffset = position + 1
            markColumn = 1
        }
        position += 1
    }

    private mutating func skipSpacesAndComments() throws(SQLSyntaxError) {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                consume()
            case UInt8(ascii: "-") where byte(at: position + 1) == UInt8(ascii: "-"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "/") where byte(at: position + 1) == UInt8(ascii: "*"):
                try skipBlockComment()
            default:
                return
            }
        }
    }

    /// `/* … */`, nested as Spark allows; hints (`/*+ … */`) are comments to us.
    private mutating func skipBlockComment() throws(SQLSyntaxError) {
        let start = currentLocation()
        var depth = 0
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if bytes[position] == UInt8(ascii: "*"), byte(at: position + 1) == UInt8(ascii: "/") {
                depth -= 1
                position += 2
                if depth == 0 { return }
            } else {
                consume()
            }
        }
        throw source.error("unterminated comment: '/*' without a closing '*/'", at: start, byteLength: 2)
    }

    private mutating func scanToken(at location: SourceLocation) throws(SQLSyntaxError) -> TokenKind {
        let first = bytes[position]
        let next = byte(at: position + 1)
        if first == UInt8(ascii: "r") || first == UInt8(ascii: "R"),
            next == UInt8(ascii: "'") || next == UInt8(ascii: "\"")
        {
            position += 1
            return try scanString(at: location, raw: true)
        }
        if Self.isWordStart(first) { return scanWord(from: position) }
        if Self.isDigit(first) || (first == UInt8(ascii: ".") && Self.isDigit(next)) {
            return try scanNumber(at: location)
        }
        switch first {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return try scanString(at: location, raw: false)
        case UInt8(ascii: "`"): return try scanQuotedIdentifier(at: location)
        default: return try scanSymbol(at: location)
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isWordStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isWordStart(byte) || isDigit(byte)
    }

    private mutating func scanWord(from start: Int) -> TokenKind {
        while position < bytes.count, Self.isWordByte(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return .word(text, Keyword(word: text))
    }

    /// Digits, an optional fraction and exponent, then an optional type suffix. Digits followed by
    /// letters that are no suffix form a word, as Spark allows names such as `1st_touch`.
    private mutating func scanNumber(at location: SourceLocation) throws(SQLSyntaxError) -> TokenKind {
        let start = position
        var hasPoint = false
        var hasExponent = false
        while Self.isDigit(byte(at: position)) { position += 1 }
        if byte(at: position) == UInt8(ascii: ".") {
            hasPoint = true
            position += 1
            while Self.isDigit(byte(at: position)) { position += 1 }
        }
        if byte(at: position) | 0x20 == UInt8(ascii: "e") {
            let sign = byte(at: position + 1)
            let digitAt = sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") ? position + 2 : position + 1
            if Self.isDigit(byte(at: digitAt)) {
                hasExponent = true
                position = digitAt
                while Self.isDigit(byte(at: position)) { position += 1 }
            }
        }
        let digitsEnd = position
        while Self.isWordByte(byte(at: position)) { position += 1 }
        let digits = String(decoding: bytes[start..<digitsEnd], as: UTF8.self)
        let suffix = String(decoding: bytes[digitsEnd..<position], as: UTF8.self).lowercased()
        let isWhole = !hasPoint && !hasExponent
        let kind: NumericLiteral.Kind
        switch suffix {
        case "": kind = hasExponent ? .double : (hasPoint ? .decimal : .integer)
        case "y" where isWhole: kind = .tinyint
        case "s" where isWhole: kind = .smallint
        case "l" where isWhole: kind = .bigint
        case "d": kind = .double
        case "f": kind = .float
        case "bd": kind = .decimal
        default:
            if isWhole { return scanWord(from: start) }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            throw source.error("invalid number '\(text)'", at: location, byteLength: position - start)
        }
        return .number(NumericLiteral(digits, kind))
    }

    private mutating func scanString(at location: SourceLocation, raw: Bool) throws(SQLSyntaxError) -> TokenKind {
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let current = bytes[position]
            if current == quote {
                position += 1
                return .string(String(decoding: value, as: UTF8.self))
            }
            if current == UInt8(ascii: "\\"), !raw, position + 1 < bytes.count {
                try appendEscape(to: &value, at: location)
            } else {
                value.append(current)
                consume()
            }
        }
        throw source.error("unterminated string literal: no closing quote", at: location)
    }

    /// Spark's escapes: `\n \t \r \b \0 \Z`, `\uXXXX`, three octal digits; `\%` and `\_` keep their
    /// backslash (they are LIKE escapes); any other escaped character stands for itself.
    private mutating func appendEscape(to value: inout [UInt8], at location: SourceLocation) throws(SQLSyntaxError) {
        let escaped = bytes[position + 1]
        let octal = (UInt8(ascii: "0")...UInt8(ascii: "7"))
        if (UInt8(ascii: "0")...UInt8(ascii: "3")).contains(escaped), octal.contains(byte(at: position + 2)),
            octal.contains(byte(at: position + 3))
        {
            let code =
                UInt32(escaped - 48) * 64 + UInt32(bytes[position + 2] - 48) * 8 + UInt32(bytes[position + 3] - 48)
            append(scalarValue: code, to: &value)
            position += 4
            return
        }
        if escaped == UInt8(ascii: "u"), let code = hexValue(from: position + 2, count: 4) {
            guard Unicode.Scalar(code) != nil else {
                throw source.error("invalid unicode escape in string literal", at: location)
            }
            append(scalarValue: code, to: &value)
            position += 6
            return
        }
        switch escaped {
        case UInt8(ascii: "0"): value.append(0)
        case UInt8(ascii: "b"): value.append(8)
        case UInt8(ascii: "n"): value.append(10)
        case UInt8(ascii: "r"): value.append(13)
        case UInt8(ascii: "t"): value.append(9)
        case UInt8(ascii: "Z"): value.append(26)
        case UInt8(ascii: "%"), UInt8(ascii: "_"): value.append(contentsOf: [UInt8(ascii: "\\"), escaped])
        default:
            position += 1
            value.append(escaped)
            consume()
            return
        }
        position += 2
    }

    private func hexValue(from start: Int, count: Int) -> UInt32? {
        guard start + count <= bytes.count else { return nil }
        var code: UInt32 = 0
        for index in start..<start + count {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            code = code * 16 + UInt32(digit)
        }
        return code
    }

    private func append(scalarValue: UInt32, to value: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(scalarValue) else { return }
        value.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func scanQuotedIdentifier(at location: SourceLocation) throws(SQLSyntaxError) -> TokenKind {
        position += 1
        var name: [UInt8] = []
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "`") {
                guard byte(at: position + 1) == UInt8(ascii: "`") else {
                    position += 1
                    return .quotedIdentifier(String(decoding: name, as: UTF8.self))
                }
                position += 1
            }
            name.append(bytes[position])
            consume()
        }
        throw source.error("unterminated quoted identifier: no closing '`'", at: location)
    }

    private mutating func scanSymbol(at location: SourceLocation) throws(SQLSyntaxError) -> TokenKind {
        let first = bytes[position]
        let second = byte(at: position + 1)
        let symbol: Symbol?
        var length = 1
        switch first {
        case UInt8(ascii: "("): symbol = .leftParenthesis
        case UInt8(ascii: ")"): symbol = .rightParenthesis
        case UInt8(ascii: "["): symbol = .leftBracket
        case UInt8(ascii: "]"): symbol = .rightBracket
        case UInt8(ascii: ","): symbol = .comma
        case UInt8(ascii: "."): symbol = .dot
        case UInt8(ascii: ";"): symbol = .semicolon
        case UInt8(ascii: "*"): symbol = .star
        case UInt8(ascii: "+"): symbol = .plus
        case UInt8(ascii: "-"): symbol = .minus
        case UInt8(ascii: "/"): symbol = .slash
        case UInt8(ascii: "%"): symbol = .percent
        case UInt8(ascii: "&"): symbol = .ampersand
        case UInt8(ascii: "^"): symbol = .caret
        case UInt8(ascii: "~"): symbol = .tilde
        case UInt8(ascii: ":"):
            symbol = second == UInt8(ascii: ":") ? .doubleColon : .colon
        case UInt8(ascii: "|"):
            symbol = second == UInt8(ascii: "|") ? .concat : .pipe
        case UInt8(ascii: "="):
            symbol = second == UInt8(ascii: "=") ? .doubleEqual : .equal
        case UInt8(ascii: "!"):
            symbol = second == UInt8(ascii: "=") ? .notEqual : .bang
        case UInt8(ascii: ">"):
            symbol = second == UInt8(ascii: "=") ? .greaterOrEqual : .greater
        case UInt8(ascii: "<"):
            if second == UInt8(ascii: "="), byte(at: position + 2) == UInt8(ascii: ">") {
                symbol = .nullSafeEqual
                length = 3
            } else {
                symbol =
                    second == UInt8(ascii: "=") ? .lessOrEqual : (second == UInt8(ascii: ">") ? .lessGreater : .less)
            }
        default: symbol = nil
        }
        guard let symbol else {
            var end = position + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let character = String(decoding: bytes[position..<end], as: UTF8.self)
            throw source.error("unexpected character '\(character)'", at: location, byteLength: end - position)
        }
        if length == 1, symbol.rawValue.utf8.count == 2 { length = 2 }
        position += length
        return .symbol(symbol)
    }
}
