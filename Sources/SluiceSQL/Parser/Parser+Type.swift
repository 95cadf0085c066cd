import SluiceCore

extension Parser {
    /// The type names Spark accepts, synonyms included.
    private static let typeNames = [
        "boolean", "tinyint", "byte", "smallint", "short", "int", "integer", "bigint", "long", "float", "real",
        "double", "decimal", "dec", "numeric", "string", "varchar", "char", "character", "binary", "date",
        "timestamp", "timestamp_ltz", "timestamp_ntz", "array", "map", "struct",
    ]

    /// A type as CAST and `::` take it.
    mutating func parseType() throws(SQLSyntaxError) -> SQLType {
        try descend()
        defer { depth -= 1 }
        guard case .word(let text, _) = current.kind else { throw unexpected("a type name") }
        let token = advance()
        switch text.lowercased() {
        case "boolean": return .boolean
        case "tinyint", "byte": return .tinyint
        case "smallint", "short": return .smallint
        case "int", "integer": return .int
        case "bigint", "long": return .bigint
        case "float", "real": return .float
        case "double": return .double
        case "decimal", "dec", "numeric": return try parseDecimalArguments()
        case "string": return .string
        case "varchar": return .varchar(try parseLengthArgument())
        case "char", "character": return .char(try parseLengthArgument())
        case "binary": return .binary
        case "date": return .date
        case "timestamp", "timestamp_ltz": return .timestamp
        case "timestamp_ntz": return .timestampNTZ
        case "array":
            try expect(.less)
            let element = try parseType()
            try expect(.greater)
            return .array(element)
        case "map":
            try expect(.less)
            let key = try parseType()
            try expect(.comma)
            let value = try parseType()
            try expect(.greater)
            return .map(key, value)
        case "struct":
            return .struct(try parseStructFields())
        default:
            var message = "unknown type '\(text)'"
            if let suggestion = ClosestMatch.suggestion(for: text.lowercased(), among: Self.typeNames) {
                message += " (did you mean \(suggestion)?)"
            }
            throw source.error(message, at: token)
        }
    }

    /// `(p[, s])` after DECIMAL; DECIMAL alone is DECIMAL(10, 0) as in Spark.
    private mutating func parseDecimalArguments() throws(SQLSyntaxError) -> SQLType {
        guard accept(.leftParenthesis) else { return .decimal(precision: 10, scale: 0) }
        let precisionToken = current
        let precision = try parseInteger()
        let scale = accept(.comma) ? try parseInteger() : 0
        try expect(.rightParenthesis)
        guard (1...38).contains(precision), scale <= precision else {
            throw source.error(
                "DECIMAL(\(precision), \(scale)) is out of range: precision is 1 to 38, scale at most the precision",
                at: precisionToken)
        }
        return .decimal(precision: precision, scale: scale)
    }

    /// `(n)` after VARCHAR and CHAR.
    private mutating func parseLengthArgument() throws(SQLSyntaxError) -> Int {
        try expect(.leftParenthesis)
        let length = try parseInteger()
        try expect(.rightParenthesis)
        return length
    }

    private mutating func parseInteger() throws(SQLSyntaxError) -> Int {
        guard case .number(let number) = current.kind, number.kind == .integer, let value = Int(number.text) else {
            throw unexpected("an integer")
        }
        advance()
        return value
    }

    /// `<name[:] type, …>`; `struct<>` is the empty struct (the lexer reads `<>` as one token).
    private mutating func parseStructFields() throws(SQLSyntaxError) -> [SQLType.StructField] {
        if accept(.lessGreater) { return [] }
        try expect(.less)
        var fields: [SQLType.StructField] = []
        repeat {
            let name: String
            switch current.kind {
            case .word(let text, _), .quotedIdentifier(let text): name = text
            default: throw unexpected("a field name")
            }
            advance()
            _ = accept(.colon)
            fields.append(SQLType.StructField(name: name, type: try parseType()))
        } while accept(.comma)
        try expect(.greater)
        return fields
    }
}
