import Testing

@testable import SluiceSQL

@Suite("SQL round trip: parse, print, parse")
struct RoundTripTests {
    @Test("the corpus holds enough queries") func corpusSize() {
        #expect(ETLQueries.all.count >= 60)
    }

    @Test("every ETL query parses, prints, and parses back to an equal tree", arguments: ETLQueries.all)
    func roundTrip(_ sql: String) throws {
        let query = try SQLParser.parseQuery(sql)
        let printed = query.sql
        let reparsed = try SQLParser.parseQuery(printed)
        #expect(reparsed == query, "printed as: \(printed)")
        #expect(reparsed.sql == printed)
    }
}
