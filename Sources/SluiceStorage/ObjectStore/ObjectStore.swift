import SluiceCore

/// A flat namespace of immutable byte objects addressed by `/`-separated keys: a local folder or
/// an S3 bucket. Every driver behaves the same way for the operations below.
public protocol ObjectStore: SharedClient {
    /// A human-readable location for messages, e.g. `file:///data/lake` or `s3://bucket`.
    var displayLocation: String { get }

    /// One page of the objects whose keys start with `prefix`, in ascending key order.
    /// With a `delimiter`, keys containing it after the prefix are rolled up into `commonPrefixes`.
    func listPage(prefix: String, delimiter: String?, continuationToken: String?) async throws -> ObjectListPage

    /// The object's size and modification time, or `nil` if there is no such object.
    func head(_ key: String) async throws -> ObjectInfo?

    /// The object's bytes, or only those in `range` (byte offsets, end exclusive).
    /// A range past the end of the object is clamped to it.
    func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8]

    /// Starts writing an object; it replaces any existing object with that key on commit.
    func makeWriter(for key: String) async throws -> any ObjectWriter

    /// Deletes the object. Deleting a missing key is not an error.
    func delete(_ key: String) async throws
}
