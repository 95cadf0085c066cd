import SluiceCore
import Testing

@testable import SluiceSQL

/// String, regex and digest functions over the engine fixture (`orders.customer` holds alice, bob,
/// alice, null, carol, bob, null, Dave, alice, bob by id).
@Suite struct StringFunctionTests {
    @Test func concatWsSkipsNullsButNotANullSeparator() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT concat_ws('-', customer, 'x', qty) AS a, concat_ws(NULL, 'x') AS b, concat_ws('/') AS c
            FROM orders WHERE id IN (2, 4) ORDER BY id
            """,
            [#"{"a":"bob-x","b":null,"c":""}"#, #"{"a":"x-2","b":null,"c":""}"#])
    }

    @Test func trimRemovesSpacesOrTheGivenCharacters() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT trim('  a b  ') AS t, ltrim('  a ') AS l, rtrim(' a  ') AS r, trim('\tx ') AS tab,
                   trim('SSparkSQLS', 'SL') AS s, btrim('xyaxy', 'yx') AS b, ltrim('üüaü', 'ü') AS u,
                   trim(NULL) AS n, trim('a', NULL) AS n2
            FROM orders WHERE id = 1
            """,
            [#"{"t":"a b","l":"a ","r":" a","tab":"\tx","s":"parkSQ","b":"a","u":"aü","n":null,"n2":null}"#])
    }

    @Test func trimAndSubstringKeywordForms() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT trim(BOTH 'SL' FROM 'SSparkSQLS') AS a, trim(LEADING 'SL' FROM 'SSparkSQLS') AS b,
                   trim(TRAILING 'SL' FROM 'SSparkSQLS') AS c, trim(BOTH FROM '  x  ') AS d, trim('x' FROM 'xax') AS e,
                   substring('Spark SQL' FROM 5) AS f, substring(customer FROM 2 FOR 3) AS g, substr(trim(customer), 1) AS h
            FROM orders WHERE id = 1
            """,
            [#"{"a":"parkSQ","b":"parkSQLS","c":"SSparkSQ","d":"x","e":"a","f":"k SQL","g":"lic","h":"alice"}"#])
    }

    @Test func substringCountsCodePointsFromOneOrFromTheEnd() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT substring('Zürich', 2) AS a, substring('Zürich', 2, 3) AS b, substr('Zürich', 0, 2) AS c,
                   substring('Zürich', -3) AS d, substring('Zürich', -3, 2) AS e, substring('abc', -5, 3) AS f,
                   substring('abc', 4) AS g, substring('abc', 2, -1) AS h, substring('🎉x', 2) AS i,
                   substring(customer, 1, 2) AS j, substring('abc', NULL) AS k
            FROM orders WHERE id = 4
            """,
            [
                #"{"a":"ürich","b":"üri","c":"Zü","d":"ich","e":"ic","f":"a","g":"","h":"","i":"x","j":null,"k":null}"#
            ])
    }

    @Test func padsAndCuts() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT lpad('7', 3, '0') AS a, rpad('ab', 7, 'xyz') AS b, lpad('hello', 2, 'x') AS c,
                   rpad('ü', 3) AS d, lpad('ab', 5, '') AS e, lpad('ab', -1, 'x') AS f, lpad(NULL, 3, 'x') AS g,
                   lpad('a', NULL, 'x') AS h
            FROM orders WHERE id = 1
            """,
            [#"{"a":"007","b":"abxyzxy","c":"he","d":"ü  ","e":"ab","f":"","g":null,"h":null}"#])
    }

    @Test func replaceReplacesEveryOccurrence() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT replace('aaa', 'aa', 'b') AS a, replace('abcabc', 'b') AS b, replace('abc', '', 'x') AS c,
                   replace('Zürich', 'ü', 'ue') AS d, replace('abc', NULL, 'x') AS e
            FROM orders WHERE id = 1
            """,
            [#"{"a":"ba","b":"acac","c":"abc","d":"Zuerich","e":null}"#])
    }

    @Test func splitTakesARegexAndALimit() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let rows = try await fixture.rows(
            """
            SELECT split(customer, 'l') AS a, split('a1b22c', '[0-9]+') AS b, split('a,b,,', ',') AS c,
                   split('a,b,c', ',', 2) AS d, split('abc', '') AS e, split('', ',') AS f, split(',a', ',') AS g,
                   split('abc', '(?=b)') AS h
            FROM orders WHERE id IN (1, 4) ORDER BY id
            """)
        let constants =
            #""b":["a","b","c"],"c":["a","b","",""],"d":["a","b,c"],"e":["a","b","c"],"f":[""],"g":["","a"],"h":["a","bc"]}"#
        #expect(rows == [#"{"a":["a","ice"],"# + constants, #"{"a":null,"# + constants])
    }

    @Test func regexpExtractTakesAGroupOrNothing() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT regexp_extract('k123', 'k([0-9])([0-9]+)', 1) AS a, regexp_extract('k123', 'k([0-9])([0-9]+)', 2) AS b,
                   regexp_extract('k123', 'k([0-9])', 0) AS c, regexp_extract('xyz', '([0-9]+)', 1) AS d,
                   regexp_extract('ab', 'a(x)?b', 1) AS e, regexp_extract('a7', '([0-9])') AS f,
                   regexp_extract(customer, '(l+)', 1) AS g
            FROM orders WHERE id = 4
            """,
            [#"{"a":"1","b":"23","c":"k1","d":"","e":"","f":"7","g":null}"#])
    }

    @Test func regexpReplaceReplacesEveryMatchWithGroups() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT regexp_replace(customer, '[aeiou]', '#') AS a, regexp_replace('2026-11-20', '([0-9]+)-([0-9]+)-([0-9]+)', '$3.$2.$1') AS b,
                   regexp_replace('aaa', 'a', 'b', 2) AS c, regexp_replace('abc', 'x', 'y') AS d,
                   regexp_replace('abc', 'b', NULL) AS f
            FROM orders WHERE id = 1
            """,
            [##"{"a":"#l#c#","b":"20.11.2026","c":"abb","d":"abc","f":null}"##])
    }

    @Test func rlikeMatchesAnywhere() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT id, customer RLIKE 'o' AS o, customer NOT RLIKE '^a' AS na, regexp_like(customer, 'e$') AS e,
                   rlike(customer, customer) AS self
            FROM orders WHERE id <= 4 ORDER BY id
            """,
            [
                #"{"id":1,"o":false,"na":false,"e":true,"self":true}"#,
                #"{"id":2,"o":true,"na":true,"e":false,"self":true}"#,
                #"{"id":3,"o":false,"na":false,"e":true,"self":true}"#,
                #"{"id":4,"o":null,"na":null,"e":null,"self":null}"#,
            ])
    }

    @Test func badRegexesAndGroupsFail() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        await #expect(throws: (any Error).self) { _ = try await fixture.rows("SELECT customer RLIKE '(' FROM orders") }
        await #expect(throws: (any Error).self) {
            _ = try await fixture.rows("SELECT regexp_extract(customer, '(a)', 2) FROM orders")
        }
        await #expect(throws: SQLAnalysisError.self) {
            _ = try await fixture.rows("SELECT substring(customer, 'x') FROM orders")
        }
        await #expect(throws: SQLAnalysisError.self) { _ = try await fixture.rows("SELECT lpad(customer) FROM orders") }
        await #expect(throws: SQLAnalysisError.self) { _ = try await fixture.rows("SELECT md5(qty) FROM orders") }
    }

    @Test func digestsAreLowerCaseHex() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT md5('abc') AS m, sha2('abc', 0) AS s0, sha2('abc', 224) AS s224, sha2('abc', 1) AS bad,
                   md5(customer) AS n
            FROM orders WHERE id = 4
            """,
            [
                #"{"m":"900150983cd24fb0d6963f7d28e17f72","#
                    + #""s0":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","#
                    + #""s224":"23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7","bad":null,"n":null}"#
            ])
    }

    /// Known digests (Python's hashlib) at the padding boundaries of both block sizes.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            "Zürich", "103a821a3a6a0b923c9f74a39662bb51",
            "4251685e06cab635578c72b1f5f221e9840a05ac4d8f2404be4177aa87f9907d"
        ),
        (
            String(repeating: "a", count: 55), "ef1772b6dff9a122358552954ad0df65",
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"
        ),
        (
            String(repeating: "a", count: 56), "3b0c8ac703f828b04c6c197006d17218",
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"
        ),
        (
            String(repeating: "a", count: 64), "014842d480b571495a4a0363793f7367",
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        ),
        (
            String(repeating: "x", count: 1000), "398533d48111e9f664b1f64cb10c4b63",
            "44f8354494a5ba03ba1792a8d3e9c534c47a9181980fde7a3f44b06ef2ae7c7f"
        ),
    ])
    func md5AndSHA256MatchKnownDigests(_ text: String, _ md5: String, _ sha256: String) {
        let bytes = Array(text.utf8)
        #expect(DigestKernels.hex(MD5.hash(bytes)) == md5)
        #expect(SHA2Digest.hash(bytes, bits: 256).map(DigestKernels.hex) == sha256)
    }

    @Test func sha224384And512MatchKnownDigests() {
        let long = Array(String(repeating: "a", count: 112).utf8)
        func hex(_ bytes: [UInt8], _ bits: Int) -> String? { SHA2Digest.hash(bytes, bits: bits).map(DigestKernels.hex) }
        #expect(hex(long, 224) == "0336b66821946e7f1052102e3b9c29f3039efe9b261746370305f894")
        #expect(
            hex(Array("abc".utf8), 384)
                == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(
            hex(long, 384)
                == "187d4e07cb306103c69967bf544d0dfbe9042577599c73c330abc0cb64c61236d5ed565ee19119d8c31779a38f791fcd")
        #expect(
            hex(Array("abc".utf8), 512)
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(
            hex(long, 512)
                == "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32"
                + "bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca")
        #expect(hex(long, 100) == nil)
    }
}
