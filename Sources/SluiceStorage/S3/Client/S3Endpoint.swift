import Foundation

/// Where a bucket's requests go: the scheme, host and port of the endpoint, and whether the bucket
/// is named in the host (`bucket.s3.eu-west-1.amazonaws.com`, virtual-hosted) or in the path
/// (`127.0.0.1:8333/bucket`, path-style).
public struct S3Endpoint: Sendable, Hashable {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var pathStyle: Bool

    /// AWS's regional endpoint, virtual-hosted unless asked otherwise.
    public static func aws(region: String, pathStyle: Bool = false) -> S3Endpoint {
        S3Endpoint(scheme: "https", host: "s3.\(region).amazonaws.com", port: nil, pathStyle: pathStyle)
    }

    /// A custom endpoint such as `http://127.0.0.1:8333`. S3-compatible stores usually want
    /// path-style addressing, so that is the default unless `pathStyle` says otherwise.
    public init(url text: String, pathStyle: Bool? = nil) throws(S3ConfigurationError) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { throw .invalidEndpoint(text, reason: "not an http:// or https:// URL with a host") }
        guard url.path.isEmpty || url.path == "/", url.query == nil else {
            throw .invalidEndpoint(text, reason: "an endpoint has no path or query")
        }
        self.init(scheme: scheme, host: host, port: url.port, pathStyle: pathStyle ?? true)
    }

    public init(scheme: String, host: String, port: Int?, pathStyle: Bool) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.pathStyle = pathStyle
    }

    /// `host[:port]`, with the port only when it is not the scheme's default, as clients send it
    /// in the `Host` header (which is signed).
    func hostHeader(bucket: String?) -> String {
        let name = (bucket.map { !pathStyle ? "\($0)." : "" } ?? "") + host
        guard let port, port != (scheme == "https" ? 443 : 80) else { return name }
        return "\(name):\(port)"
    }

    /// The request path before percent-encoding: `/bucket/key` or `/key`, and `/bucket` or `/`
    /// for bucket operations.
    func path(bucket: String?, key: String?) -> String {
        var path = ""
        if let bucket, pathStyle { path += "/" + bucket }
        if let key { path += "/" + key }
        return path.isEmpty ? "/" : path
    }

    /// `scheme://host` as the base of request URLs.
    func origin(bucket: String?) -> String { "\(scheme)://\(hostHeader(bucket: bucket))" }

    /// `http://127.0.0.1:8333` or `https://s3.eu-west-1.amazonaws.com` for messages.
    public var description: String { "\(scheme)://\(hostHeader(bucket: nil))" }
}
