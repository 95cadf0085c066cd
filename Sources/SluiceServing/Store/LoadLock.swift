/// A held loader lock.
public protocol LoadLock: Sendable {
    func release() async
}
