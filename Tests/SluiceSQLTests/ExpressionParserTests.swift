import Testing

@testable import SluiceSQL

@Suite("SQL expressions")
struct ExpressionParserTests {
    private func shape(_ sql: String) throws -> String {
        tree(try SQLParser.parseExpression(sql))
    }

    private func printed(_ sql: String) throws -> String {
        try SQLParser.parseExpression(sql).sql
    }

    @Test("Spark's precedence: OR < AND < NOT < predicates < comparison < | < ^ < & < + - || < * / % DIV < unary")
    func precedence() throws {
        #expect(try shape("a OR b AND NOT c = d + e * f") == "(OR a (AND b (NOT (= c (+ d (* e f))))))")
        #expect(try shape("a AND b OR c AND d") == "(OR (AND a b) (AND c d))")
        #expect(try shape("a | b ^ c & d + e * f") == "(| a (^ b (& c (+ d (* e f)))))")
        #expect(try shape("a * b + c & d ^ e | f") == "(| (^ (& (+ (* a b) c) d) e) f)")
        #expect(try shape("a || b + c") == "(+ (|| a b) c)")
        #expect(try shape("x DIV 2 % 3 / 4") == "(/ (% (DIV x 2) 3) 4)")
        #expect(try shape("-a * b") == "(* (- a) b)")
        #expect(try shape("- -a") == "(- (- a))")
        #expect(try shape("~a & b") == "(& (~ a) b)")
        #expect(try shape("NOT NOT a") == "(NOT (NOT a))")
        #expect(try shape("!a AND b") == "(AND (NOT a) b)")
    }

    @Test("binary operators are left-associative")
    func associativity() throws {
        #expect(try shape("a - b - c") == "(- (- a b) c)")
        #expect(try shape("a / b * c") == "(* (/ a b) c)")
        #expect(try shape("a = b = c") == "(= (= a b) c)")
    }

    @Test("predicates apply to a whole comparison and NOT applies to a predicate")
    func predicates() throws {
        #expect(try shape("a = 1 IS NULL") == "(IS NULL (= a 1))")
        #expect(try shape("a IS NOT NULL AND b IS NULL") == "(AND (IS NOT NULL a) (IS NULL b))")
        #expect(try shape("NOT a IN (1, 2)") == "(NOT (IN a 1 2))")
        #expect(try shape("a NOT IN (1, 2 + 3)") == "(NOT IN a 1 (+ 2 3))")
        #expect(try shape("a BETWEEN b - 1 AND c + 1 AND d") == "(AND (BETWEEN a (- b 1) (+ c 1)) d)")
        #expect(try shape("a NOT BETWEEN 1 AND 2") == "(NOT BETWEEN a 1 2)")
        #expect(
            try shape("name NOT LIKE 'x%' OR name RLIKE '^a' OR name REGEXP 'b' OR name ILIKE 'C'")
                == "(OR (OR (OR (NOT LIKE name 'x%') (RLIKE name '^a')) (RLIKE name 'b')) (ILIKE name 'C'))")
        #expect(
            try shape("flag IS TRUE OR flag IS NOT FALSE OR flag IS UNKNOWN")
                == "(OR (OR (IS TRUE flag) (IS NOT FALSE flag)) (IS UNKNOWN flag))")
        #expect(try shape("a IS DISTINCT FROM b") == "(NOT (<=> a b))")
        #expect(try shape("a IS NOT DISTINCT FROM b") == "(<=> a b)")
        #expect(try printed("p LIKE 'a!%' ESCAPE '!'") == "p LIKE 'a!%' ESCAPE '!'")
    }

    @Test("comparison operators and their synonyms")
    func comparisons() throws {
        #expect(try shape("a == b") == "(= a b)")
        #expect(try shape("a != b") == "(<> a b)")
        #expect(try shape("a <> b") == "(<> a b)")
        #expect(try shape("a <=> b") == "(<=> a b)")
        #expect(try shape("a <= b") == "(<= a b)")
        #expect(try shape("a >= b") == "(>= a b)")
    }

    @Test("postfix forms: qualified names, fields, subscripts and :: casts")
    func postfix() throws {
        #expect(
            try SQLParser.parseExpression("t.a.b").kind
                == .column(
                    QualifiedName(parts: [
                        Identifier(name: "t", location: SourceLocation(line: 1, column: 1, offset: 0)),
                        Identifier(name: "a", location: SourceLocation(line: 1, column: 3, offset: 2)),
                        Identifier(name: "b", location: SourceLocation(line: 1, column: 5, offset: 4)),
                    ])))
        #expect(try shape("items[0].sku") == "(. ([] items 0) sku)")
        #expect(try shape("f(x).y") == "(. f(x) y)")
        #expect(try shape("(s).x") == "(. s x)")
        #expect(try shape("m['k'][1]") == "([] ([] m 'k') 1)")
        #expect(try shape("x::int + 1") == "(+ (CAST x INT) 1)")
        #expect(try shape("-a[1]") == "(- ([] a 1))")
    }

    @Test("literals: numbers, strings (adjacent ones joined), NULL, booleans, dates, timestamps")
    func literals() throws {
        #expect(try printed("1.50") == "1.50")
        #expect(try SQLParser.parseExpression("1.50").kind == .literal(.number(NumericLiteral("1.50", .decimal))))
        #expect(try printed("'a' 'b' \"c\"") == "'abc'")
        #expect(try printed("'it\\'s'") == "'it\\'s'")
        #expect(try printed("null") == "NULL")
        #expect(try printed("true AND false") == "TRUE AND FALSE")
        #expect(try SQLParser.parseExpression("DATE '2026-11-20'").kind == .literal(.date("2026-11-20")))
        #expect(
            try SQLParser.parseExpression("timestamp '2026-11-20 10:00'").kind
                == .literal(.timestamp("2026-11-20 10:00")))
        #expect(
            try SQLParser.parseExpression("TIMESTAMP_NTZ '2026-11-20'").kind == .literal(.timestampNTZ("2026-11-20")))
    }

    @Test("intervals: INTERVAL 3 DAYS and INTERVAL '3' DAY are the same literal")
    func intervals() throws {
        let days = Literal.interval([IntervalPart(value: "3", unit: .day)])
        #expect(try SQLParser.parseExpression("INTERVAL 3 DAYS").kind == .literal(days))
        #expect(try SQLParser.parseExpression("interval '3' day").kind == .literal(days))
        #expect(try printed("INTERVAL 1 DAY 2 HOURS 30 minutes") == "INTERVAL '1' DAY '2' HOUR '30' MINUTE")
        #expect(try printed("INTERVAL -2 WEEKS") == "INTERVAL '-2' WEEK")
        #expect(try printed("ts - INTERVAL 1 year") == "ts - INTERVAL '1' YEAR")
    }

    @Test("words that are keywords elsewhere stay usable as column names")
    func keywordsAsNames() throws {
        #expect(
            try printed("date + year + first + last + range + rows + interval + `select`")
                == "date + year + first + last + range + rows + `interval` + `select`")
        #expect(
            try printed("left(s, 2) || right(s, 1) || if(c, 'y', 'n')")
                == "left(s, 2) || right(s, 1) || if(c, 'y', 'n')")
    }

    @Test("CASE in both forms")
    func caseExpressions() throws {
        #expect(
            try printed("case when a > 1 then 'x' when a > 0 then 'y' else 'z' end")
                == "CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END")
        #expect(try printed("CASE s WHEN 1 THEN 'one' END") == "CASE s WHEN 1 THEN 'one' END")
    }

    @Test("CAST and TRY_CAST to every type name, synonyms folded")
    func casts() throws {
        let cases: [(String, SQLType)] = [
            ("boolean", .boolean), ("tinyint", .tinyint), ("byte", .tinyint), ("smallint", .smallint),
            ("short", .smallint), ("int", .int), ("integer", .int), ("bigint", .bigint), ("long", .bigint),
            ("float", .float), ("real", .float), ("double", .double),
            ("decimal", .decimal(precision: 10, scale: 0)), ("decimal(5)", .decimal(precision: 5, scale: 0)),
            ("DEC(18, 2)", .decimal(precision: 18, scale: 2)), ("numeric(38,10)", .decimal(precision: 38, scale: 10)),
            ("string", .string), ("varchar(20)", .varchar(20)), ("char(3)", .char(3)), ("binary", .binary),
            ("date", .date), ("timestamp", .timestamp), ("timestamp_ltz", .timestamp),
            ("timestamp_ntz", .timestampNTZ), ("array<int>", .array(.int)),
            ("array<array<string>>", .array(.array(.string))), ("map<string, bigint>", .map(.string, .bigint)),
            (
                "struct<a: int, `b c` string>",
                .struct([.init(name: "a", type: .int), .init(name: "b c", type: .string)])
            ),
            ("struct<>", .struct([])),
        ]
        for (name, type) in cases {
            #expect(try SQLParser.parseType(name) == type, "\(name)")
            #expect(try SQLParser.parseType(type.sql) == type, "\(type.sql)")
            #expect(try SQLParser.parseExpression("CAST(x AS \(name))").kind == .cast(column("x"), type, isTry: false))
        }
        #expect(try printed("try_cast(x AS map<string,array<int>>)") == "TRY_CAST(x AS MAP<STRING, ARRAY<INT>>)")
    }

    @Test("function calls: DISTINCT, count(*), t.*, bare current_date, windows")
    func functions() throws {
        #expect(try printed("count(DISTINCT a, b)") == "count(DISTINCT a, b)")
        #expect(try printed("COUNT(*)") == "COUNT(*)")
        #expect(try printed("struct(t.*)") == "struct(t.*)")
        #expect(try printed("current_date") == "current_date()")
        #expect(try SQLParser.parseExpression("current_date") == SQLParser.parseExpression("current_date()"))
        #expect(
            try printed("row_number() over (partition by k order by ts desc nulls last)")
                == "row_number() OVER (PARTITION BY k ORDER BY ts DESC NULLS LAST)")
        #expect(
            try printed("sum(x) OVER (ORDER BY t RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW)")
                == "sum(x) OVER (ORDER BY t RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW)")
        #expect(
            try printed("sum(x) OVER (ROWS UNBOUNDED PRECEDING)")
                == "sum(x) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")
        #expect(try printed("max(x) OVER w") == "max(x) OVER w")
        #expect(try printed("count(*) filter (where ok)") == "count(*) FILTER (WHERE ok)")
        #expect(try printed("lag(x) ignore nulls over (order by t)") == "lag(x) IGNORE NULLS OVER (ORDER BY t)")
        #expect(try printed("first(x) RESPECT NULLS") == "first(x)")
        #expect(try printed("db.f(1)") == "db.f(1)")
        #expect(try printed("`cast`(1)") == "`cast`(1)")
    }

    @Test("subqueries as values, IN lists and EXISTS")
    func subqueries() throws {
        #expect(try printed("(select max(a) from t) + 1") == "(SELECT max(a) FROM t) + 1")
        #expect(try printed("a in (select b from t)") == "a IN (SELECT b FROM t)")
        #expect(try printed("not exists (select 1 from t)") == "NOT EXISTS (SELECT 1 FROM t)")
    }

    @Test("the printer adds parentheses exactly where the tree needs them")
    func printerParentheses() throws {
        #expect(try printed("(a + b) * c") == "(a + b) * c")
        #expect(try printed("a + (b * c)") == "a + b * c")
        #expect(try printed("a - (b - c)") == "a - (b - c)")
        #expect(try printed("(a OR b) AND c") == "(a OR b) AND c")
        #expect(try printed("(NOT a) = b") == "(NOT a) = b")
        #expect(try printed("(a IS NULL) IS NULL") == "(a IS NULL) IS NULL")
        #expect(try printed("-(-1)") == "-(-1)")
        #expect(try printed("(a + b)[0]") == "(a + b)[0]")
        #expect(try printed("(a).b") == "(a).b")
    }

    @Test("each node records where it was written: operators at the operator, names at the name")
    func locations() throws {
        let expression = try SQLParser.parseExpression("a +\n  b.c * 2")
        #expect(expression.location == SourceLocation(line: 1, column: 3, offset: 2))
        guard case .binary(.add, let left, let right) = expression.kind,
            case .binary(.multiply, let column, _) = right.kind
        else {
            Issue.record("unexpected shape \(tree(expression))")
            return
        }
        #expect(left.location == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(right.location == SourceLocation(line: 2, column: 7, offset: 10))
        #expect(column.location == SourceLocation(line: 2, column: 3, offset: 6))
    }

    @Test("equality ignores where a node was written")
    func equalityIgnoresLocations() throws {
        #expect(try SQLParser.parseExpression("a+1") == SQLParser.parseExpression("  a   +\n 1"))
        #expect(try SQLParser.parseExpression("a+1") != SQLParser.parseExpression("a+2"))
    }

    private func column(_ name: String) -> Expression {
        let location = SourceLocation(line: 1, column: 1, offset: 0)
        return Expression(
            kind: .column(QualifiedName(parts: [Identifier(name: name, location: location)])), location: location)
    }
}
