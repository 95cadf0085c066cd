import ArgumentParser
import SluiceCore
import SluiceStorage

/// Where S3 is and who we are, for commands that take `s3://` URLs. Anything left out comes from
/// the environment (`AWS_ENDPOINT_URL`, `AWS_REGION`, `AWS_PROFILE`, keys) and `~/.aws`.
struct S3Options: ParsableArguments {
    @Option(help: "S3 endpoint URL for S3-compatible stores, e.g. http://127.0.0.1:8333.")
    var endpoint: String?

    @Option(help: "AWS region (default: AWS_REGION, then the profile's, then us-east-1).")
    var region: String?

    @Option(help: "Profile in ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE, then default).")
    var profile: String?

    @Flag(inversion: .prefixedNo, help: "Path-style addressing (default: on for custom endpoints, off for AWS).")
    var pathStyle: Bool?

    @Option(help: "Multipart part size for uploads, e.g. 8MiB (at least 5MiB).")
    var partSize: String = "8MiB"

    func opener() throws -> ObjectLocationOpener {
        guard let parts = ByteSizeText.parse(partSize), parts <= Int64(Int.max) else {
            throw ValidationError("--part-size: expected a size such as 8MiB, got \"\(partSize)\"")
        }
        return ObjectLocationOpener(
            s3Template: S3StoreSettings(
                bucket: "-", region: region, endpoint: endpoint, pathStyle: pathStyle, profile: profile,
                partSize: Int(parts)))
    }

    /// A store over the URL's bucket, rooted at its path when `rootedAtPath` (else the bucket).
    func store(for url: S3URL, rootedAtPath: Bool = false) throws -> S3ObjectStore {
        var settings = try opener().s3Template
        settings.bucket = url.bucket
        settings.prefix = rootedAtPath ? url.path : ""
        return try S3ObjectStore.make(settings)
    }
}
