import SluiceCore

/// Renders syntax trees as canonical Spark SQL on one line: keywords in capitals, `AS` before every
/// alias, parentheses exactly where precedence needs them. Parsing the output gives back an equal
/// tree, which the tests check; `--explain` shows the same text.
enum SQLPrinter {
    /// A name, backquoted when it is not a plain word or when it would read as a keyword.
    static func identifier(_ name: String) -> String {
        if PlainIdentifier.isValid(name), !readsAsKeyword(name) { return name }
        return quoted(name)
    }

    static func quoted(_ name: String) -> String {
        "`" + name.replacingAll("`", with: "``") + "`"
    }

    private static func readsAsKeyword(_ name: String) -> Bool {
        guard let keyword = Keyword(word: name) else { return false }
        // INTERVAL and the bare CURRENT_* forms are read as literals and calls in expressions.
        return keyword.isReserved || keyword == .interval || keyword == .currentDate || keyword == .currentTimestamp
    }

    static func name(_ name: QualifiedName) -> String {
        name.parts.map { identifier($0.name) }.joined(separator: ".")
    }

    /// Function names are followed by `(`, so only words with a form of their own need quotes.
    static func functionName(_ name: QualifiedName) -> String {
        let functionForms: Set<Keyword> = [.case, .cast, .tryCast, .exists, .null, .true, .false, .not]
        return name.parts.map { part in
            if PlainIdentifier.isValid(part.name), !(Keyword(word: part.name).map(functionForms.contains) ?? false) {
                return part.name
            }
            return quoted(part.name)
        }.joined(separator: ".")
    }

    /// A string literal that reads back as the same value (`\` and `'` escaped, controls spelled out).
    static func string(_ value: String) -> String {
        BackslashEscaping.quoted(value, quote: "'")
    }

    static func literal(_ literal: Literal) -> String {
        switch literal {
        case .null: return "NULL"
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .number(let number): return number.sql
        case .string(let value): return string(value)
        case .date(let text): return "DATE " + string(text)
        case .timestamp(let text): return "TIMESTAMP " + string(text)
        case .timestampNTZ(let text): return "TIMESTAMP_NTZ " + string(text)
        case .interval(let parts):
            return "INTERVAL " + parts.map { string($0.value) + " " + $0.unit.rawValue }.joined(separator: " ")
        }
    }

    static func type(_ type: SQLType) -> String {
        switch type {
        case .boolean: return "BOOLEAN"
        case .tinyint: return "TINYINT"
        case .smallint: return "SMALLINT"
        case .int: return "INT"
        case .bigint: return "BIGINT"
        case .float: return "FLOAT"
        case .double: return "DOUBLE"
        case .decimal(let precision, let scale): return "DECIMAL(\(precision), \(scale))"
        case .string: return "STRING"
        case .varchar(let length): return "VARCHAR(\(length))"
        case .char(let length): return "CHAR(\(length))"
        case .binary: return "BINARY"
        case .date: return "DATE"
        case .timestamp: return "TIMESTAMP"
        case .timestampNTZ: return "TIMESTAMP_NTZ"
        case .array(let element): return "ARRAY<\(self.type(element))>"
        case .map(let key, let value): return "MAP<\(self.type(key)), \(self.type(value))>"
        case .struct(let fields):
            let rendered = fields.map {
                (PlainIdentifier.isValid($0.name) ? $0.name : quoted($0.name)) + ": " + self.type($0.type)
            }
            return "STRUCT<" + rendered.joined(separator: ", ") + ">"
        }
    }
}

extension SQLType {
    /// The type in Spark's spelling, e.g. `DECIMAL(18, 2)`, `ARRAY<STRUCT<a: INT>>`.
    public var sql: String { SQLPrinter.type(self) }
}

extension Literal {
    /// The literal as Spark SQL, e.g. `DATE '2026-11-20'`, `INTERVAL '3' DAY`, `1.5D`.
    public var sql: String { SQLPrinter.literal(self) }
}
