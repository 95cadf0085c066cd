/// The connection types a project may use, by their `type:` name.
public struct ConnectionDriverRegistry: Sendable {
    private var drivers: [String: any ConnectionDriver] = [:]

    public init(_ drivers: [any ConnectionDriver] = []) {
        for driver in drivers { register(driver) }
    }

    /// The types built into Sluice.
    public static let builtIn = ConnectionDriverRegistry([
        FileConnectionDriver(), S3ConnectionDriver(), SQLiteConnectionDriver(), ScyllaConnectionDriver(),
    ])

    /// Adds (or replaces) a driver, e.g. for a storage type of your own.
    public mutating func register(_ driver: any ConnectionDriver) {
        drivers[driver.type] = driver
    }

    public func driver(forType type: String) -> (any ConnectionDriver)? { drivers[type] }

    public var types: [String] { drivers.keys.sorted() }
}
