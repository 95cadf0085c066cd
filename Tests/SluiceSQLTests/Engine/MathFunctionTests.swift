import SluiceCore
import SluiceSQL
import Testing

/// Math functions over the engine fixture (`orders`: qty int, price double, amount decimal(10,2)).
@Suite struct MathFunctionTests {
    @Test func floorAndCeilOfDoublesAreBigints() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT floor(2.5E0) AS a, ceil(-2.5E0) AS b, ceiling(2.1E0) AS c, floor(CAST('NaN' AS DOUBLE)) AS d,
                   floor(1E300) AS e, ceil(-1E300) AS f, floor(qty) AS g, ceil(CAST(NULL AS DOUBLE)) AS h, floor(NULL) AS i
            FROM orders WHERE id = 1
            """,
            [
                #"{"a":2,"b":-2,"c":3,"d":0,"e":9223372036854775807,"f":-9223372036854775808,"g":3,"h":null,"i":null}"#
            ])
    }

    @Test func floorAndCeilOfDecimalsHaveScaleZero() async throws {
        let engine = QueryEngine()
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let result = try await engine.run(
            sql: "SELECT floor(amount) AS f, ceil(amount) AS c, floor(CAST(5 AS DECIMAL(3, 0))) AS z FROM orders",
            catalog: fixture.catalog)
        let types: [DataType] = [
            .decimal(precision: 9, scale: 0), .decimal(precision: 9, scale: 0), .decimal(precision: 3, scale: 0),
        ]
        #expect(result.schema.fields.map(\.dataType) == types)
        let rows = try await fixture.rows(
            "SELECT floor(amount) AS f, ceil(amount) AS c FROM orders WHERE id IN (1, 3, 4, 10) ORDER BY id")
        #expect(
            rows == [#"{"f":"10","c":"11"}"#, #"{"f":"7","c":"8"}"#, #"{"f":null,"c":null}"#, #"{"f":"-3","c":"-2"}"#])
    }

    @Test func roundOfDecimalsToANegativeScale() async throws {
        try await EngineFixture.expectRows(
            "SELECT id, round(amount, -1) AS r, round(amount * 100, -3) AS k FROM orders WHERE id IN (1, 3, 5, 7, 10) ORDER BY id",
            [
                #"{"id":1,"r":"10","k":"1000"}"#, #"{"id":3,"r":"10","k":"1000"}"#, #"{"id":5,"r":"0","k":"0"}"#,
                #"{"id":7,"r":"10","k":"1000"}"#, #"{"id":10,"r":"0","k":"0"}"#,
            ])
    }

    @Test func powersRootsAndLogarithmsAreDoubles() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT pow(2, 10) AS a, power(qty, 0.5) AS b, sqrt(16) AS c, sqrt(-1) AS d, sign(-3) AS e, signum(0) AS f,
                   ln(1) AS g, ln(0) AS h, log(2, 8) AS i, log(-1, 8) AS j, log10(1000) AS k, log2(8) AS l, exp(0) AS m,
                   log(1) AS n, pow(1, CAST('NaN' AS DOUBLE)) AS o, pow(NULL, 2) AS p
            FROM orders WHERE id = 4
            """,
            [
                #"{"a":1024.0,"b":1.4142135623730951,"c":4.0,"d":"NaN","e":-1.0,"f":0.0,"g":0.0,"h":null,"i":3.0,"j":null,"#
                    + #""k":3.0,"l":3.0,"m":1.0,"n":0.0,"o":"NaN","p":null}"#
            ])
    }

    @Test func modAndPmod() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT mod(-7, 3) AS a, -7 % 3 AS b, pmod(-7, 3) AS c, pmod(7, -3) AS d, pmod(-7, -3) AS e,
                   pmod(qty, 4) AS g, pmod(-qty, 4) AS h, pmod(-7, NULL) AS i, pmod(-7E0, 3) AS j
            FROM orders WHERE id = 5
            """,
            [#"{"a":-1,"b":-1,"c":2,"d":1,"e":-1,"g":3,"h":1,"i":null,"j":2.0}"#])
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        await #expect(throws: (any Error).self) { _ = try await fixture.rows("SELECT pmod(qty, 0) FROM orders") }
        await #expect(throws: (any Error).self) { _ = try await fixture.rows("SELECT mod(qty, 0) FROM orders") }
    }

    @Test func greatestAndLeastSkipNulls() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT id, greatest(qty, price, 3) AS g, least(qty, price, 3) AS l, greatest(customer, 'bob') AS s,
                   least(amount, 5) AS d, greatest(NULL, qty) AS n, greatest(CAST('NaN' AS DOUBLE), 1E0) AS nan
            FROM orders WHERE id IN (1, 2, 4) ORDER BY id
            """,
            [
                #"{"id":1,"g":3.0,"l":2.5,"s":"bob","d":"5.00","n":3,"nan":"NaN"}"#,
                #"{"id":2,"g":3.0,"l":1.25,"s":"bob","d":"5.00","n":null,"nan":"NaN"}"#,
                #"{"id":4,"g":4.0,"l":2.0,"s":"bob","d":"5.00","n":2,"nan":"NaN"}"#,
            ])
    }

    @Test func refusesWrongArguments() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        for sql in [
            "SELECT sqrt(customer) FROM orders", "SELECT floor(customer) FROM orders", "SELECT pow(2) FROM orders",
            "SELECT greatest(qty) FROM orders", "SELECT greatest(qty, day) FROM orders",
            "SELECT log(1, 2, 3) FROM orders",
        ] {
            await #expect(throws: SQLAnalysisError.self, "\(sql)") { _ = try await fixture.rows(sql) }
        }
    }
}
