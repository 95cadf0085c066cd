/// A recursive-descent parser for the statements the test server runs. Bind markers are numbered
/// in the order they appear, as the protocol binds them.
struct CQLParser {
    private let tokens: [CQLToken]
    private var index = 0
    private var markerCount = 0

    private init(tokens: [CQLToken]) {
        self.tokens = tokens
    }

    /// Parses one statement (a trailing `;` is allowed); returns it with its number of markers.
    static func parse(_ text: String) throws(CQLSyntaxError) -> (statement: CQLStatement, markers: Int) {
        var parser = CQLParser(tokens: try CQLLexer.tokens(of: text))
        let statement = try parser.statement()
        _ = parser.accept(symbol: ";")
        guard parser.current.kind == .end else { throw parser.unexpected("the end of the statement") }
        return (statement, parser.markerCount)
    }

    // MARK: Statements

    private mutating func statement() throws(CQLSyntaxError) -> CQLStatement {
        switch try keyword() {
        case "use": return .use(try name())
        case "create": return try create()
        case "drop": return try drop()
        case "truncate":
            _ = accept("table")
            return .truncate(try qualifiedName())
        case "select": return .select(try select())
        case "insert": return .insert(try insert())
        case "update": return .update(try update())
        case "delete": return .delete(try delete())
        case "begin": return try batch()
        case let word: throw CQLSyntaxError("unsupported statement \(word.uppercased())", at: tokens[index - 1].offset)
        }
    }

    private mutating func create() throws(CQLSyntaxError) -> CQLStatement {
        switch try keyword() {
        case "keyspace", "schema":
            let ifNotExists = try ifNotExistsClause()
            let keyspaceName = try name()
            try expect("with")
            var replication: [String: String] = [:]
            var durableWrites = true
            repeat {
                let option = try name()
                try expect(symbol: "=")
                if option == "replication" {
                    replication = try stringMap()
                } else if option == "durable_writes" {
                    durableWrites = try keyword() == "true"
                } else {
                    _ = try term()
                }
            } while accept("and")
            return .createKeyspace(
                name: keyspaceName, ifNotExists: ifNotExists, replication: replication, durableWrites: durableWrites)
        case "table", "columnfamily":
            return .createTable(try createTable())
        case "type":
            let ifNotExists = try ifNotExistsClause()
            let typeName = try qualifiedName()
            try expect(symbol: "(")
            var fields: [(name: String, type: CQLTypeSyntax)] = []
            repeat {
                fields.append((try name(), try type()))
            } while accept(symbol: ",")
            try expect(symbol: ")")
            return .createType(name: typeName, fields: fields, ifNotExists: ifNotExists)
        case let word:
            throw CQLSyntaxError("unsupported statement CREATE \(word.uppercased())", at: tokens[index - 1].offset)
        }
    }

    private mutating func createTable() throws(CQLSyntaxError) -> CQLStatement.CreateTable {
        let ifNotExists = try ifNotExistsClause()
        var table = CQLStatement.CreateTable(
            name: try qualifiedName(), columns: [], partitionKey: [], clusteringKey: [], descending: [],
            ifNotExists: ifNotExists)
        try expect(symbol: "(")
        repeat {
            if accept("primary") {
                try expect("key")
                try expect(symbol: "(")
                if accept(symbol: "(") {
                    table.partitionKey = try nameList()
                    try expect(symbol: ")")
                } else {
                    table.partitionKey = [try name()]
                }
                while accept(symbol: ",") { table.clusteringKey.append(try name()) }
                try expect(symbol: ")")
                continue
            }
            let column = try name()
            let columnType = try type()
            let isStatic = accept("static")
            table.columns.append((column, columnType, isStatic))
            if accept("primary") {
                try expect("key")
                table.partitionKey = [column]
            }
        } while accept(symbol: ",")
        try expect(symbol: ")")
        if accept("with") {
            repeat {
                if accept("clustering") {
                    try expect("order")
                    try expect("by")
                    try expect(symbol: "(")
                    repeat {
                        let column = try name()
                        if accept("desc") { table.descending.insert(column) } else { _ = accept("asc") }
                    } while accept(symbol: ",")
                    try expect(symbol: ")")
                } else if accept("compact") {
                    try expect("storage")
                } else {
                    // Compaction, caching, comments: a test double keeps no such settings.
                    _ = try name()
                    try expect(symbol: "=")
                    _ = try term()
                }
            } while accept("and")
        }
        guard !table.partitionKey.isEmpty else {
            throw CQLSyntaxError("table \(table.name.name) has no PRIMARY KEY", at: current.offset)
        }
        return table
    }

    private mutating func drop() throws(CQLSyntaxError) -> CQLStatement {
        let target: CQLStatement.DropTarget
        switch try keyword() {
        case "keyspace", "schema": target = .keyspace
        case "table", "columnfamily": target = .table
        case "type": target = .type
        case let word:
            throw CQLSyntaxError("unsupported statement DROP \(word.uppercased())", at: tokens[index - 1].offset)
        }
        var ifExists = false
        if accept("if") {
            try expect("exists")
            ifExists = true
        }
        let dropped = target == .keyspace ? CQLStatement.QualifiedName(name: try name()) : try qualifiedName()
        return .drop(target, dropped, ifExists: ifExists)
    }

    private mutating func select() throws(CQLSyntaxError) -> CQLStatement.Select {
        let json = accept("json")
        let distinct = accept("distinct")
        var selectors: [CQLStatement.Selector] = []
        if !accept(symbol: "*") {
            repeat { selectors.append(try selector()) } while accept(symbol: ",")
        }
        try expect("from")
        var select = CQLStatement.Select(
            selectors: selectors, distinct: distinct, json: json, table: try qualifiedName(), relations: [],
            orderBy: [], perPartitionLimit: nil, limit: nil, allowFiltering: false)
        select.relations = try whereClause()
        if accept("order") {
            try expect("by")
            repeat {
                let column = try name()
                let descending = accept("desc")
                if !descending { _ = accept("asc") }
                select.orderBy.append((column, descending))
            } while accept(symbol: ",")
        }
        if accept("per") {
            try expect("partition")
            try expect("limit")
            select.perPartitionLimit = try term()
        }
        if accept("limit") { select.limit = try term() }
        if accept("allow") {
            try expect("filtering")
            select.allowFiltering = true
        }
        return select
    }

    private mutating func selector() throws(CQLSyntaxError) -> CQLStatement.Selector {
        let kind: CQLStatement.Selector.Kind
        let first = try name()
        if accept(symbol: "(") {
            switch first {
            case "count":
                if !accept(symbol: "*") { _ = try term() }
                kind = .countAll
            case "writetime": kind = .writetime(try name())
            case "ttl": kind = .ttl(try name())
            default:
                var arguments: [String] = []
                if current.kind != .symbol(")") { arguments = try nameList() }
                kind = .function(first, arguments)
            }
            try expect(symbol: ")")
        } else {
            kind = .column(first)
        }
        var alias: String?
        if accept("as") { alias = try name() }
        return CQLStatement.Selector(kind: kind, alias: alias)
    }

    private mutating func insert() throws(CQLSyntaxError) -> CQLStatement.Insert {
        try expect("into")
        let table = try qualifiedName()
        try expect(symbol: "(")
        let columns = try nameList()
        try expect(symbol: ")")
        try expect("values")
        try expect(symbol: "(")
        var values: [CQLTerm] = []
        repeat { values.append(try term()) } while accept(symbol: ",")
        try expect(symbol: ")")
        guard values.count == columns.count else {
            throw CQLSyntaxError("\(columns.count) columns but \(values.count) values", at: current.offset)
        }
        var ifNotExists = false
        if accept("if") {
            try expect("not")
            try expect("exists")
            ifNotExists = true
        }
        return CQLStatement.Insert(
            table: table, columns: columns, values: values, ifNotExists: ifNotExists, using: try using())
    }

    private mutating func update() throws(CQLSyntaxError) -> CQLStatement.Update {
        let table = try qualifiedName()
        let using = try using()
        try expect("set")
        var assignments: [(column: String, op: Character?, term: CQLTerm)] = []
        repeat {
            let column = try name()
            try expect(symbol: "=")
            if case .word(column) = current.kind, case .symbol(let symbol) = tokens[index + 1].kind,
                symbol == "+" || symbol == "-"
            {
                index += 2
                assignments.append((column, Character(symbol), try term()))
            } else {
                assignments.append((column, nil, try term()))
            }
        } while accept(symbol: ",")
        let relations = try whereClause()
        return CQLStatement.Update(
            table: table, using: using, assignments: assignments, relations: relations, condition: try condition())
    }

    private mutating func delete() throws(CQLSyntaxError) -> CQLStatement.Delete {
        var columns: [String] = []
        if !accept("from") {
            columns = try nameList()
            try expect("from")
        }
        let table = try qualifiedName()
        let using = try using()
        let relations = try whereClause()
        return CQLStatement.Delete(
            columns: columns, table: table, using: using, relations: relations, condition: try condition())
    }

    private mutating func batch() throws(CQLSyntaxError) -> CQLStatement {
        if !accept("unlogged") { _ = accept("logged") || accept("counter") }
        try expect("batch")
        _ = try using()
        var statements: [CQLStatement] = []
        while !accept("apply") {
            switch try keyword() {
            case "insert": statements.append(.insert(try insert()))
            case "update": statements.append(.update(try update()))
            case "delete": statements.append(.delete(try delete()))
            default: throw CQLSyntaxError("a batch holds only INSERT, UPDATE and DELETE", at: tokens[index - 1].offset)
            }
            _ = accept(symbol: ";")
        }
        try expect("batch")
        return .batch(statements)
    }

    // MARK: Clauses

    private mutating func whereClause() throws(CQLSyntaxError) -> [CQLStatement.Relation] {
        guard accept("where") else { return [] }
        var relations: [CQLStatement.Relation] = []
        repeat { relations.append(try relation()) } while accept("and")
        return relations
    }

    private mutating func relation() throws(CQLSyntaxError) -> CQLStatement.Relation {
        var columns: [String]
        var isToken = false
        if accept("token") {
            try expect(symbol: "(")
            columns = try nameList()
            try expect(symbol: ")")
            isToken = true
        } else {
            columns = [try name()]
        }
        let op = try relationOperator()
        if op == .in, accept(symbol: "(") {
            var terms: [CQLTerm] = []
            if !accept(symbol: ")") {
                repeat { terms.append(try term()) } while accept(symbol: ",")
                try expect(symbol: ")")
            }
            return CQLStatement.Relation(columns: columns, isToken: isToken, op: op, terms: terms)
        }
        if isToken, accept("token") {
            try expect(symbol: "(")
            var terms: [CQLTerm] = []
            repeat { terms.append(try term()) } while accept(symbol: ",")
            try expect(symbol: ")")
            return CQLStatement.Relation(
                columns: columns, isToken: true, op: op, terms: [.function("token", terms)])
        }
        return CQLStatement.Relation(columns: columns, isToken: isToken, op: op, terms: [try term()])
    }

    private mutating func relationOperator() throws(CQLSyntaxError) -> CQLStatement.Relation.Operator {
        if case .symbol(let symbol) = current.kind, let op = CQLStatement.Relation.Operator(rawValue: symbol) {
            index += 1
            return op
        }
        if accept("in") { return .in }
        if accept("contains") { return accept("key") ? .containsKey : .contains }
        throw unexpected("a comparison operator")
    }

    private mutating func condition() throws(CQLSyntaxError) -> CQLStatement.Condition {
        guard accept("if") else { return .none }
        if accept("exists") { return .exists }
        if accept("not") {
            try expect("exists")
            return .notExists
        }
        var conditions: [(column: String, op: CQLStatement.Relation.Operator, term: CQLTerm)] = []
        repeat {
            let column = try name()
            let op = try relationOperator()
            conditions.append((column, op, try term()))
        } while accept("and")
        return .columns(conditions)
    }

    private mutating func using() throws(CQLSyntaxError) -> CQLStatement.Using {
        var using = CQLStatement.Using()
        guard accept("using") else { return using }
        repeat {
            switch try keyword() {
            case "ttl": using.ttl = try term()
            case "timestamp": using.timestamp = try term()
            case let word:
                throw CQLSyntaxError("unknown USING option \(word.uppercased())", at: tokens[index - 1].offset)
            }
        } while accept("and")
        return using
    }

    private mutating func ifNotExistsClause() throws(CQLSyntaxError) -> Bool {
        guard accept("if") else { return false }
        try expect("not")
        try expect("exists")
        return true
    }

    // MARK: Terms and types

    private mutating func term() throws(CQLSyntaxError) -> CQLTerm {
        let token = current
        index += 1
        switch token.kind {
        case .string(let text): return .string(text)
        case .number(let digits): return .number(digits)
        case .hexBlob(let bytes): return .blob(bytes)
        case .uuid(let text): return .uuid(text)
        case .duration(let text): return .duration(text)
        case .marker:
            markerCount += 1
            return .marker(index: markerCount - 1, name: nil)
        case .namedMarker(let name):
            markerCount += 1
            return .marker(index: markerCount - 1, name: name)
        case .word("true"): return .boolean(true)
        case .word("false"): return .boolean(false)
        case .word("null"): return .null
        case .word("nan"): return .number("NaN")
        case .word("infinity"): return .number("Infinity")
        case .symbol("-") where current.kind == .word("infinity"):
            index += 1
            return .number("-Infinity")
        case .word(let function) where current.kind == .symbol("("):
            index += 1
            var arguments: [CQLTerm] = []
            if !accept(symbol: ")") {
                repeat { arguments.append(try term()) } while accept(symbol: ",")
                try expect(symbol: ")")
            }
            return .function(function, arguments)
        case .symbol("["):
            var elements: [CQLTerm] = []
            if !accept(symbol: "]") {
                repeat { elements.append(try term()) } while accept(symbol: ",")
                try expect(symbol: "]")
            }
            return .list(elements)
        case .symbol("("):
            var elements: [CQLTerm] = []
            repeat { elements.append(try term()) } while accept(symbol: ",")
            try expect(symbol: ")")
            return .tuple(elements)
        case .symbol("{"):
            return try braced()
        default:
            index -= 1
            throw unexpected("a value")
        }
    }

    /// After `{`: a set, a map, or a user type's fields.
    private mutating func braced() throws(CQLSyntaxError) -> CQLTerm {
        if accept(symbol: "}") { return .set([]) }
        if tokens[index + 1].kind == .symbol(":"), case .word = current.kind {
            var fields: [(field: String, value: CQLTerm)] = []
            repeat {
                let field = try name()
                try expect(symbol: ":")
                fields.append((field, try term()))
            } while accept(symbol: ",")
            try expect(symbol: "}")
            return .udt(fields)
        }
        let first = try term()
        if accept(symbol: ":") {
            var entries = [(key: first, value: try term())]
            while accept(symbol: ",") {
                let key = try term()
                try expect(symbol: ":")
                entries.append((key, try term()))
            }
            try expect(symbol: "}")
            return .map(entries)
        }
        var elements = [first]
        while accept(symbol: ",") { elements.append(try term()) }
        try expect(symbol: "}")
        return .set(elements)
    }

    private mutating func type() throws(CQLSyntaxError) -> CQLTypeSyntax {
        let first = try name()
        var keyspace: String?
        var typeName = first
        if accept(symbol: ".") {
            keyspace = first
            typeName = try name()
            return .user(keyspace: keyspace, name: typeName)
        }
        guard accept(symbol: "<") else {
            return Self.nativeTypes.contains(first) ? .named(first) : .user(keyspace: nil, name: first)
        }
        var arguments: [CQLTypeSyntax] = []
        repeat { arguments.append(try type()) } while accept(symbol: ",")
        try expect(symbol: ">")
        switch (first, arguments.count) {
        case ("frozen", 1): return .frozen(arguments[0])
        case ("list", 1): return .list(arguments[0])
        case ("set", 1): return .set(arguments[0])
        case ("map", 2): return .map(arguments[0], arguments[1])
        case ("tuple", _): return .tuple(arguments)
        default: throw CQLSyntaxError("\(first) does not take \(arguments.count) type arguments", at: current.offset)
        }
    }

    static let nativeTypes: Set<String> = [
        "ascii", "bigint", "blob", "boolean", "counter", "date", "decimal", "double", "duration", "float", "inet",
        "int",
        "smallint", "text", "time", "timestamp", "timeuuid", "tinyint", "uuid", "varchar", "varint",
    ]

    /// `{'class': 'SimpleStrategy', 'replication_factor': 1}`
    private mutating func stringMap() throws(CQLSyntaxError) -> [String: String] {
        guard case .map(let entries) = try term() else { throw unexpected("a map of options") }
        var map: [String: String] = [:]
        for (key, value) in entries {
            guard case .string(let name) = key else { throw unexpected("an option name") }
            switch value {
            case .string(let text), .number(let text): map[name] = text
            case .boolean(let flag): map[name] = "\(flag)"
            default: throw unexpected("an option value")
            }
        }
        return map
    }

    // MARK: Tokens

    private var current: CQLToken { tokens[min(index, tokens.count - 1)] }

    private mutating func accept(_ word: String) -> Bool {
        guard current.kind == .word(word) else { return false }
        index += 1
        return true
    }

    private mutating func accept(symbol: String) -> Bool {
        guard current.kind == .symbol(symbol) else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ word: String) throws(CQLSyntaxError) {
        guard accept(word) else { throw unexpected(word.uppercased()) }
    }

    private mutating func expect(symbol: String) throws(CQLSyntaxError) {
        guard accept(symbol: symbol) else { throw unexpected("'\(symbol)'") }
    }

    private mutating func keyword() throws(CQLSyntaxError) -> String {
        guard case .word(let word) = current.kind else { throw unexpected("a keyword") }
        index += 1
        return word
    }

    /// A column, table or keyspace name: unquoted (lowercased) or quoted.
    private mutating func name() throws(CQLSyntaxError) -> String {
        switch current.kind {
        case .word(let word), .quotedName(let word):
            index += 1
            return word
        default: throw unexpected("a name")
        }
    }

    private mutating func nameList() throws(CQLSyntaxError) -> [String] {
        var names = [try name()]
        while accept(symbol: ",") { names.append(try name()) }
        return names
    }

    private mutating func qualifiedName() throws(CQLSyntaxError) -> CQLStatement.QualifiedName {
        let first = try name()
        if accept(symbol: ".") { return CQLStatement.QualifiedName(keyspace: first, name: try name()) }
        return CQLStatement.QualifiedName(keyspace: nil, name: first)
    }

    private func unexpected(_ expected: String) -> CQLSyntaxError {
        let found: String
        switch current.kind {
        case .end: found = "the end"
        case .word(let word): found = "'\(word)'"
        case .quotedName(let name): found = "\"\(name)\""
        case .string(let text): found = "'\(text)'"
        case .symbol(let symbol): found = "'\(symbol)'"
        default: found = "\(current.kind)"
        }
        return CQLSyntaxError("expected \(expected), found \(found)", at: current.offset)
    }
}
