/// A column of a serving table: its name and its type in the store's own type names
/// (`INTEGER`, `TEXT` in SQLite; `bigint`, `text` in CQL).
public struct ServingColumn: Sendable, Hashable, Codable, CustomStringConvertible {
    public var name: String
    public var storeType: String

    public init(name: String, storeType: String) {
        self.name = name
        self.storeType = storeType
    }

    public var description: String { "\(name) \(storeType)" }
}
