/// The parts of an HTTP request that Signature Version 4 signs.
public struct SigV4Request: Sendable, Hashable {
    public var method: String
    /// The path as the resource names it, not percent-encoded (`/photos/2026 summer.jpg`); the
    /// signer encodes each byte outside the unreserved set once, as S3 expects (no
    /// normalization, no double encoding).
    public var path: String
    /// Query parameters, not percent-encoded; order does not matter.
    public var query: [QueryItem]
    /// Headers in any case and order; a name given twice is signed as one comma-joined value.
    public var headers: [Header]
    /// The hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(method: String, path: String, query: [QueryItem] = [], headers: [Header], payloadHash: String) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }

    /// The hex SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
}
