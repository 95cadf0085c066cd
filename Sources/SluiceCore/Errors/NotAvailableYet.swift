/// A capability that belongs to a later part of Sluice and is not built yet.
///
/// Raised instead of faking a result, so a task that needs it fails clearly with exit 1.
public struct NotAvailableYet: SluiceError, Equatable {
    /// What is missing, e.g. "the local SQL engine (SluiceSQL)".
    public let capability: String

    public init(_ capability: String) {
        self.capability = capability
    }

    public var category: FailureCategory { .taskFailed }
    public var description: String { "not available yet: \(capability)" }
}
