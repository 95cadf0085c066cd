/// A statement the test server cannot parse: what was wrong and where.
struct CQLSyntaxError: Error, Sendable {
    var message: String
    var offset: Int

    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}
