/// Where a Spark cluster finds a lake dataset: the URI it reads or writes, and the session
/// settings it needs for that store (an S3 endpoint and keys). Spark copies session settings into
/// its Hadoop configuration, so the `fs.s3a.*` names apply to this session only.
public struct SparkLakeLocation: Sendable, Hashable {
    public var uri: String
    public var settings: [String: String]

    public init(uri: String, settings: [String: String] = [:]) {
        self.uri = uri
        self.settings = settings
    }
}
