/// An `s3://bucket/key-or-prefix` address as users write it on the command line and in configs.
public struct S3URL: Sendable, Hashable, CustomStringConvertible {
    public var bucket: String
    /// Everything after `bucket/`, possibly empty; not percent-decoded (S3 keys are taken as typed).
    public var path: String

    public init(bucket: String, path: String) {
        self.bucket = bucket
        self.path = path
    }

    /// Whether the text is meant as an S3 address (so a parse failure should be reported as such).
    public static func isS3(_ text: String) -> Bool { text.lowercased().hasPrefix("s3://") }

    public init(_ text: String) throws(S3ConfigurationError) {
        guard Self.isS3(text) else { throw .invalidURL(text, reason: "does not start with s3://") }
        let rest = text.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        guard !bucket.isEmpty else { throw .invalidURL(text, reason: "names no bucket") }
        self.bucket = String(bucket)
        path = String(rest.dropFirst(bucket.count + 1))
    }

    public var description: String { "s3://\(bucket)/\(path)" }
}
