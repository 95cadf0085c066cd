/// The task kinds jobs may use, by their `kind:` name.
public struct TaskKindRegistry: Sendable {
    private var kinds: [String: any TaskKind] = [:]

    public init(_ kinds: [any TaskKind] = []) {
        for kind in kinds { register(kind) }
    }

    /// `prepare` and `save`.
    public static let builtIn = TaskKindRegistry([PrepareTaskKind(), SaveTaskKind()])

    /// Adds (or replaces) a kind.
    public mutating func register(_ kind: any TaskKind) {
        kinds[kind.name] = kind
    }

    public func kind(named name: String) -> (any TaskKind)? { kinds[name] }

    public var names: [String] { kinds.keys.sorted() }
}
