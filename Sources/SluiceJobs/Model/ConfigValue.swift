/// A connection setting's value after `${ENV}` interpolation and type checking.
public enum ConfigValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case stringList([String])
    /// Seconds.
    case duration(Double)

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var duration: Double? {
        if case .duration(let value) = self { return value }
        return nil
    }

    public var stringList: [String]? {
        if case .stringList(let value) = self { return value }
        return nil
    }
}
