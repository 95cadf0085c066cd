import Foundation

/// Where a command-line argument points: a local file or folder, or an S3 object or prefix.
public enum ObjectLocation: Sendable, Hashable, CustomStringConvertible {
    case local(path: String)
    case s3(S3URL)

    public init(_ text: String) throws(S3ConfigurationError) {
        self = S3URL.isS3(text) ? .s3(try S3URL(text)) : .local(path: text)
    }

    /// Whether the text names a folder or prefix (`dir/`, `s3://bucket/prefix/`, `s3://bucket`).
    public var namesFolder: Bool {
        switch self {
        case .local(let path): path.hasSuffix("/") || path == "." || path == ".."
        case .s3(let url): url.path.isEmpty || url.path.hasSuffix("/")
        }
    }

    /// The last path segment, which a copy into a folder keeps.
    public var lastSegment: String {
        let path: String
        switch self {
        case .local(let local): path = local
        case .s3(let url): path = url.path
        }
        return path.split(separator: "/").last.map(String.init) ?? ""
    }

    public var description: String {
        switch self {
        case .local(let path): path
        case .s3(let url): url.description
        }
    }
}
