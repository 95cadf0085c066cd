/// One page of a listing, as S3's ListObjectsV2 returns it.
public struct ObjectListPage: Sendable, Hashable {
    /// Objects in this page, in ascending key order (by UTF-8 bytes).
    public var objects: [ObjectInfo]
    /// With a delimiter: the distinct key prefixes up to and including the first delimiter after
    /// the listed prefix ("folders"), in ascending order.
    public var commonPrefixes: [String]
    /// Pass to the next call to get the next page; `nil` on the last page.
    public var continuationToken: String?

    public init(objects: [ObjectInfo], commonPrefixes: [String] = [], continuationToken: String? = nil) {
        self.objects = objects
        self.commonPrefixes = commonPrefixes
        self.continuationToken = continuationToken
    }
}
