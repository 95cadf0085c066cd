import SluiceCore

/// Why an Arrow IPC stream was refused: what is wrong, and where (which message, which column).
public struct ArrowIPCError: SluiceError, Equatable {
    /// What was wrong, naming the message and the column or field where one is known.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    /// This error inside `context` ("record batch 3"): context is added on the way out, so that
    /// reading without error builds no message text.
    func within(_ context: String) -> ArrowIPCError {
        ArrowIPCError("\(context): \(message)")
    }

    public var category: FailureCategory { .taskFailed }

    public var description: String { "Arrow IPC: \(message)" }
}
