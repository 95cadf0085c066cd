/// A value made once, by the first caller that asks, and then shared: a lazily initialized
/// `static let` for work that must be awaited (running a child process, say).
public actor AsyncOnce<Value: Sendable> {
    private let make: @Sendable () async throws -> Value
    private var task: Task<Value, any Error>?

    public init(_ make: @escaping @Sendable () async throws -> Value) {
        self.make = make
    }

    /// The value, or the error making it threw; callers that ask while it is being made wait for it.
    public func value() async throws -> Value {
        if let task { return try await task.value }
        let task = Task { try await make() }
        self.task = task
        return try await task.value
    }
}
