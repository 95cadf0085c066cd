extension FailureCategory {
    /// The category of any error: a `SluiceError` says its own; anything else (an I/O error from
    /// the system, a cancellation) means the work failed, not that the user typed something wrong.
    public init(of error: any Error) {
        self = (error as? any SluiceError)?.category ?? .taskFailed
    }
}
