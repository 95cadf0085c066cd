/// A held loader lock.
public protocol LoadLock: Sendable {
    func release() async

    /// Throws when the lock can no longer be counted on (a lease that ran out or was taken over),
    /// so the loader stops before it writes more into a table another loader may now own.
    func checkHeld() throws
}

extension LoadLock {
    /// A lock the operating system holds for the process (a file lock) cannot be lost.
    public func checkHeld() throws {}
}
