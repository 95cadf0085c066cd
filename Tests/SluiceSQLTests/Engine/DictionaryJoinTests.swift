import SluiceCompute
import SluiceCore
import Testing

@testable import SluiceSQL

/// Joins under a GROUP BY dictionary-encode their build side's repetitive strings; the group table
/// groups such keys on their codes and numbers the groups exactly as for plain keys.
@Suite struct DictionaryJoinTests {
    @Test func onlyJoinsFeedingAnAggregateEncode() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let grouped = try QueryEngine().explain(
            sql:
                "SELECT c.region, count(*) AS n FROM orders o JOIN customers c ON o.customer = c.name GROUP BY c.region",
            catalog: fixture.catalog)
        #expect(grouped.contains("build=right strings=dictionary"))
        let listed = try QueryEngine().explain(
            sql: "SELECT c.region, o.id FROM orders o JOIN customers c ON o.customer = c.name ORDER BY o.id",
            catalog: fixture.catalog)
        #expect(listed.contains("build=right"))
        #expect(!listed.contains("strings=dictionary"))
        let windowed = try QueryEngine().explain(
            sql: """
                SELECT region, count(*) AS n FROM (SELECT c.region, row_number() OVER (ORDER BY o.id) AS rn
                FROM orders o JOIN customers c ON o.customer = c.name) t WHERE rn < 3 GROUP BY region
                """,
            catalog: fixture.catalog)
        #expect(!windowed.contains("strings=dictionary"))
        // A semi join outputs no build column, so it has nothing to encode.
        let semi = try QueryEngine().explain(
            sql: "SELECT count(*) AS n FROM orders o LEFT SEMI JOIN customers c ON o.customer = c.name",
            catalog: fixture.catalog)
        #expect(!semi.contains("strings=dictionary"))
    }

    @Test func encodingKeepsRepetitiveStringsOnly() throws {
        let repetitive: StringArray = ["a", "b", nil, "a", "b", "a"]
        let encoded = try #require(try DictionaryEncoding.encode(repetitive))
        #expect(encoded.values.array.count == 3)  // a, b and the null group
        #expect(try encoded.decoded() as? StringArray == repetitive)
        #expect(try DictionaryEncoding.encode(StringArray(["a", "b", "c", "a"])) == nil)
        #expect(try DictionaryEncoding.encode(Int64Array([1, 1, 1, 1])) == nil)
    }

    @Test func groupsOnCodesNumberAsPlainKeysDo() throws {
        let regions = DictionaryValues(StringArray(["east", "west", "north"]))
        let tiers = DictionaryValues(StringArray(["gold", "silver"]))
        let batches: [[[Int32?]]] = [
            [[0, 1, nil, 0, 2], [1, 1, 0, nil, 1]],
            [[2, nil, 0, 1, 1], [1, 0, 0, nil, 1]],
        ]
        var encodedTable = GroupTable()
        var plainTable = GroupTable()
        for batch in batches {
            let encoded = try [
                DictionaryArray(codes: Int32Array(batch[0]), values: regions),
                DictionaryArray(codes: Int32Array(batch[1]), values: tiers),
            ]
            let plain = try encoded.map { try $0.decoded() }
            #expect(try encodedTable.groupNumbers(for: encoded) == plainTable.groupNumbers(for: plain))
        }
        let encodedKeys = try encodedTable.keyColumns()
        let plainKeys = try plainTable.keyColumns()
        #expect(encodedKeys.count == 2)
        #expect(zip(encodedKeys, plainKeys).allSatisfy { $0.isEqual(to: $1) })
        #expect(encodedKeys.allSatisfy { !($0 is DictionaryArray) })

        // A dictionary key beside a plain one is decoded and grouped by value.
        var mixed = GroupTable()
        let numbers = try mixed.groupNumbers(for: [
            DictionaryArray(codes: Int32Array([0, 0, 1]), values: regions), Int64Array([5, 5, 5]),
        ])
        #expect(numbers == [0, 0, 1])
    }
}
