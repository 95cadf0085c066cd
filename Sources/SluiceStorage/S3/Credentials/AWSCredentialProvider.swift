/// Where a client gets its credentials before each request. Providers of temporary credentials
/// cache them and fetch new ones before they expire, so calling this per request is cheap.
public protocol AWSCredentialProvider: Sendable {
    /// The credentials to sign the next request with.
    /// - Throws: `AWSCredentialError` when none can be found or fetched.
    func credentials() async throws -> AWSCredentials
}

/// Fixed credentials, e.g. from a connection's settings in `sluice.yaml`.
public struct StaticCredentialProvider: AWSCredentialProvider {
    let value: AWSCredentials

    public init(_ credentials: AWSCredentials) { value = credentials }

    public func credentials() async throws -> AWSCredentials { value }
}
