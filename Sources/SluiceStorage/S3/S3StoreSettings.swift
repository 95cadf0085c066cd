/// What an S3 store needs to know, as a connection in `sluice.yaml` or command-line options give
/// it; whatever is left out comes from the environment and the AWS shared files
/// (`AWSEnvironment`), in the order AWS tools use.
public struct S3StoreSettings: Sendable, Hashable {
    public var bucket: String
    public var prefix: String
    public var region: String?
    /// A custom endpoint (`http://127.0.0.1:8333`) for S3-compatible stores.
    public var endpoint: String?
    /// Path-style addressing; by default on for custom endpoints, off for AWS.
    public var pathStyle: Bool?
    /// Explicit keys (from `${ENV}` in `sluice.yaml`), which win over every other source.
    public var credentials: AWSCredentials?
    public var profile: String?
    public var partSize: Int
    public var uploadConcurrency: Int
    public var retryPolicy: S3RetryPolicy

    public init(
        bucket: String, prefix: String = "", region: String? = nil, endpoint: String? = nil, pathStyle: Bool? = nil,
        credentials: AWSCredentials? = nil, profile: String? = nil, partSize: Int = 8 << 20,
        uploadConcurrency: Int = 8, retryPolicy: S3RetryPolicy = .standard
    ) {
        self.bucket = bucket
        self.prefix = prefix
        self.region = region
        self.endpoint = endpoint
        self.pathStyle = pathStyle
        self.credentials = credentials
        self.profile = profile
        self.partSize = partSize
        self.uploadConcurrency = uploadConcurrency
        self.retryPolicy = retryPolicy
    }
}

extension S3ObjectStore {
    /// A store with its own HTTP client, region, endpoint and credentials resolved from the
    /// settings first, then `environment`.
    public static func make(_ settings: S3StoreSettings, environment: AWSEnvironment = AWSEnvironment()) throws
        -> S3ObjectStore
    {
        let region = try environment.region(explicit: settings.region, profile: settings.profile)
        let endpoint =
            try environment.endpoint(explicit: settings.endpoint, profile: settings.profile).map {
                try S3Endpoint(url: $0, pathStyle: settings.pathStyle)
            } ?? S3Endpoint.aws(region: region, pathStyle: settings.pathStyle ?? false)
        let http = S3Client.makeHTTPClient()
        do {
            let credentials: any AWSCredentialProvider =
                try settings.credentials.map { StaticCredentialProvider($0) }
                ?? environment.credentialProvider(profile: settings.profile, httpClient: http)
            let client = S3Client(
                endpoint: endpoint, region: region, credentials: credentials, retryPolicy: settings.retryPolicy,
                httpClient: http)
            return try S3ObjectStore(
                client: client, bucket: settings.bucket, prefix: settings.prefix, partSize: settings.partSize,
                uploadConcurrency: settings.uploadConcurrency)
        } catch {
            try? http.syncShutdown()
            throw error
        }
    }
}
