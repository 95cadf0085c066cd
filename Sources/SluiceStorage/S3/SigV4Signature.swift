/// What signing produced, with the intermediate texts the AWS test vectors check.
public struct SigV4Signature: Sendable, Hashable {
    public var canonicalRequest: String
    public var stringToSign: String
    /// Lowercase hex HMAC-SHA256.
    public var signature: String
    /// Header signing: headers to add to the request (`Authorization`, `X-Amz-Date`, …).
    /// Query signing (presigned URLs): empty.
    public var headers: [SigV4Request.Header]
    /// Query signing: the parameters to add to the URL, `X-Amz-Signature` last. Header signing:
    /// empty.
    public var query: [SigV4Request.QueryItem]
}
