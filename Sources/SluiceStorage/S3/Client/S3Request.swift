import NIOCore

/// One S3 API call before signing: the operation's name (for messages), the bucket and key, the
/// query and extra headers, the body, and whether repeating it is harmless.
struct S3Request: Sendable {
    var operation: String
    var method: String
    var bucket: String?
    var key: String?
    var query: [SigV4Request.QueryItem] = []
    var headers: [SigV4Request.Header] = []
    var body: ByteBuffer?
    /// Whether sending the request twice has the same effect as once. Requests that are not (e.g.
    /// CreateMultipartUpload, which makes a new upload each time) are retried only when the server
    /// cannot have acted on them.
    var idempotent = true
    /// CopyObject and CompleteMultipartUpload can fail after the 200 status line has been sent:
    /// the body is then an `<Error>` document.
    var mayFailWithSuccessStatus = false

    init(
        _ operation: String, method: String, bucket: String?, key: String? = nil,
        query: [SigV4Request.QueryItem] = [], headers: [SigV4Request.Header] = [], body: ByteBuffer? = nil,
        idempotent: Bool = true
    ) {
        self.operation = operation
        self.method = method
        self.bucket = bucket
        self.key = key
        self.query = query
        self.headers = headers
        self.body = body
        self.idempotent = idempotent
    }
}
