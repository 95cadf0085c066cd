/// The views a query can name in FROM, looked up case-insensitively as Spark does.
public struct Catalog: Sendable {
    private var views: [String: (name: String, source: TableSource)] = [:]

    public init() {}

    /// Registers `source` as `name`, replacing a view of the same name in any case.
    public mutating func register(_ name: String, _ source: TableSource) {
        views[name.lowercased()] = (name, source)
    }

    /// The view called `name` in any case.
    public func view(named name: String) -> TableSource? {
        views[name.lowercased()]?.source
    }

    /// The registered names, as registered, sorted.
    public var viewNames: [String] {
        views.values.map(\.name).sorted()
    }
}
