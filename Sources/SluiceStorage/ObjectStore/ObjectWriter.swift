/// A write in progress. Bytes become visible under the key only when `commit()` succeeds;
/// `abort()` (or a failed commit) leaves nothing behind.
///
/// Local files write to a temporary file and rename it; S3 maps this onto a multipart upload.
public protocol ObjectWriter: Sendable {
    /// Appends bytes to the object being written.
    func write(_ bytes: [UInt8]) async throws
    /// Makes the object visible under its key, atomically.
    func commit() async throws
    /// Discards everything written so far.
    func abort() async
}
