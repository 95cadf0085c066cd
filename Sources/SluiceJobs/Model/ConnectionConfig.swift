/// A named connection from `sluice.yaml`: which driver, and its settings.
public struct ConnectionConfig: Sendable, Hashable {
    public var name: String
    public var type: String
    public var settings: [String: ConfigValue]
    /// Where it is declared, for messages.
    public var location: ConfigLocation

    public init(name: String, type: String, settings: [String: ConfigValue], location: ConfigLocation) {
        self.name = name
        self.type = type
        self.settings = settings
        self.location = location
    }

    /// `lake (file)`
    public var summary: String { "\(name) (\(type))" }
}
