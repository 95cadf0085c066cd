import SluiceCore
import Testing

@testable import SluiceCompute

/// Decimal arithmetic checked against Python's `decimal` (exact, HALF_UP: Java BigDecimal's semantics,
/// which Spark uses) and decimal-to-string against DuckDB.
@Suite struct ComputeOracleTests {
    static let decimalScript = """
        import sys
        from decimal import Decimal, getcontext, ROUND_HALF_UP
        getcontext().prec = 200
        for line in sys.stdin:
            op, s1, s2, rp, rs, a, b = line.split()
            x = Decimal(int(a)).scaleb(-int(s1))
            y = Decimal(int(b)).scaleb(-int(s2))
            if op == "/" and y == 0:
                print("null"); continue
            r = {"+": x + y, "-": x - y, "*": x * y, "/": x / y if op == "/" else 0}[op]
            q = r.quantize(Decimal(1).scaleb(-int(rs)), rounding=ROUND_HALF_UP)
            u = int(q.scaleb(int(rs)))
            print("null" if abs(u) >= 10 ** int(rp) else u)
        """

    @Test func decimalArithmeticMatchesExactArithmetic() async throws {
        guard let python = OracleTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with Python's decimal")
            return
        }
        var generator = SplitMix64(seed: 2026)
        func random(_ precision: Int) -> Int128 {
            let digits = Int(generator.next() % UInt64(precision)) + 1
            var value: Int128 = 0
            for _ in 0..<digits { value = value * 10 + Int128(generator.next() % 10) }
            return generator.next() % 2 == 0 ? value : -value
        }
        var input = ""
        var expected: [String] = []
        for _ in 0..<400 {
            let p1 = Int(generator.next() % 38) + 1
            let p2 = Int(generator.next() % 38) + 1
            let s1 = Int(generator.next() % UInt64(p1 + 1))
            let s2 = Int(generator.next() % UInt64(p2 + 1))
            let op = [ArithmeticOperator.add, .subtract, .multiply, .divide][Int(generator.next() % 4)]
            let a = random(p1)
            let b = generator.next() % 20 == 0 ? 0 : random(p2)
            let left = Decimal128Array([a], dataType: .decimal(precision: p1, scale: s1))
            let right = Decimal128Array([b], dataType: .decimal(precision: p2, scale: s2))
            let result = try #require(try arithmetic(left, op, right, mode: .nullOnError) as? Decimal128Array)
            guard case .decimal(let rp, let rs) = result.dataType else { return }
            input += "\(op.rawValue) \(s1) \(s2) \(rp) \(rs) \(a) \(b)\n"
            expected.append(result[0].map { "\($0)" } ?? "null")
        }
        let oracle = try await OracleTestSupport.run(python, script: Self.decimalScript, input: input)
        #expect(oracle.count == expected.count)
        let lines = input.split(separator: "\n")
        for (index, (ours, theirs)) in zip(expected, oracle).enumerated() where ours != theirs {
            Issue.record("\(lines[index]): Sluice \(ours), Python decimal \(theirs)")
        }
    }

    @Test func decimalToStringMatchesDuckDB() async throws {
        guard let python = OracleTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with DuckDB")
            return
        }
        // DuckDB prints decimals with exactly `scale` digits, as Spark does, with two differences noted
        // here: it drops the leading zero when precision == scale (`.1`, Spark `0.1`), and it parses
        // decimal text of more than 18 digits inexactly, so only precisions up to 18 go to DuckDB.
        // Python's plain formatting (BigDecimal.toPlainString's output) checks every precision. Doubles
        // are not compared: DuckDB prints 1e10 as `10000000000.0`, Spark as `1.0E10` (see CastTests).
        let script = """
            import sys, duckdb
            from decimal import Decimal, getcontext
            getcontext().prec = 100
            con = duckdb.connect()
            for line in sys.stdin:
                p, s, u = line.split()
                text = format(Decimal(int(u)).scaleb(-int(s)), "f")
                duck = "-"
                if int(p) <= 18:
                    duck = con.execute(f"SELECT CAST(CAST('{text}' AS DECIMAL({p},{s})) AS VARCHAR)").fetchone()[0]
                    duck = duck.replace("-.", "-0.") if duck.startswith("-.") else ("0" + duck if duck.startswith(".") else duck)
                print(text, duck)
            """
        var generator = SplitMix64(seed: 7)
        var input = ""
        var values: [(Int, Int, Int128)] = []
        for _ in 0..<200 {
            let precision = Int(generator.next() % 38) + 1
            let scale = Int(generator.next() % UInt64(precision + 1))
            var unscaled: Int128 = 0
            for _ in 0..<Int(generator.next() % UInt64(precision) + 1) {
                unscaled = unscaled * 10 + Int128(generator.next() % 10)
            }
            if generator.next() % 2 == 0 { unscaled = -unscaled }
            values.append((precision, scale, unscaled))
            input += "\(precision) \(scale) \(unscaled)\n"
        }
        let oracle = try await OracleTestSupport.run(python, script: script, input: input)
        #expect(oracle.count == values.count)
        for ((precision, scale, unscaled), line) in zip(values, oracle) {
            let array = Decimal128Array([unscaled], dataType: .decimal(precision: precision, scale: scale))
            let ours = try #require(try cast(array, to: .string) as? StringArray)
            let (python, duck) = (line.split(separator: " ")[0], line.split(separator: " ")[1])
            #expect(ours[0] == String(python), "decimal(\(precision),\(scale)) \(unscaled)")
            if duck != "-" {
                #expect(ours[0] == String(duck), "DuckDB: decimal(\(precision),\(scale)) \(unscaled)")
            }
        }
    }
}
