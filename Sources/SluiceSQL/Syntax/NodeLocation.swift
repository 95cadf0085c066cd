/// Where a syntax node was written. Wrapping it keeps it out of node equality: two nodes mean the
/// same SQL wherever they stand in the text, so `parse(print(ast)) == ast` holds and the binder can
/// compare expressions (`GROUP BY a + 1` against `SELECT a + 1`) with `==`.
@propertyWrapper
public struct NodeLocation: Sendable, Hashable {
    public var wrappedValue: SourceLocation

    public init(wrappedValue: SourceLocation) {
        self.wrappedValue = wrappedValue
    }

    public static func == (lhs: NodeLocation, rhs: NodeLocation) -> Bool { true }

    public func hash(into hasher: inout Hasher) {}
}
