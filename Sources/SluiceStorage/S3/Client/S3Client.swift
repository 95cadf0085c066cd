import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends signed S3 requests over one pooled HTTP client, and retries those that failed for a
/// reason that may pass (`S3RetryPolicy`). One per connection and process: its connection pool
/// is what makes 1,000 small ranged reads cheap.
public final class S3Client: Sendable {
    public let endpoint: S3Endpoint
    public let region: String
    public let retryPolicy: S3RetryPolicy
    let credentials: any AWSCredentialProvider
    let http: HTTPClient

    /// The HTTP client this S3 client creates (and shuts down), with S3-friendly settings: no
    /// redirects, no decompression, a deep connection pool for parallel part uploads, and a failed
    /// connection reported at once (the retry policy decides about another try, with backoff,
    /// instead of the pool reconnecting silently until the connect timeout). A transfer that makes
    /// no progress for a minute, sending or receiving, fails and is retried like a reset.
    public static func makeHTTPClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .seconds(60), write: .seconds(60)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32),
            proxy: nil, ignoreUncleanSSLShutdown: false, decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    public init(
        endpoint: S3Endpoint, region: String, credentials: any AWSCredentialProvider,
        retryPolicy: S3RetryPolicy = .standard, httpClient: HTTPClient
    ) {
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
        self.retryPolicy = retryPolicy
        self.http = httpClient
    }

    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// A URL that lets anyone `method` the object until it expires, signed with the query.
    public func presignedURL(method: String = "GET", bucket: String, key: String, expiresIn seconds: Int) async throws
        -> String
    {
        let path = endpoint.path(bucket: bucket, key: key)
        let host = endpoint.hostHeader(bucket: bucket)
        let unsigned = SigV4Request(
            method: method, path: path, headers: [SigV4Request.Header("Host", host)],
            payloadHash: SigV4Request.unsignedPayload)
        let signer = SigV4Signer(credentials: try await credentials.credentials(), region: region)
        let signature = signer.presign(unsigned, at: Date(), expiresIn: seconds)
        return endpoint.origin(bucket: bucket) + URIEncoding.encode(path, keepingSlashes: true) + "?"
            + Self.queryString(signature.query)
    }

    /// Sends the request until it succeeds, fails for good, or runs out of attempts.
    ///
    /// - Throws: `S3RequestFailure` naming the operation, bucket, key, status and S3 error code.
    func send(_ request: S3Request) async throws -> S3Response {
        var attempt = 1
        while true {
            let outcome: Outcome
            do {
                outcome = try await sendOnce(request)
            } catch let error as CancellationError {
                throw error
            } catch {
                outcome = .transportFailed(error, TransportFailure(error))
            }
            if case .answered(let response) = outcome { return response }
            guard attempt < retryPolicy.maxAttempts, outcome.mayRetry(idempotent: request.idempotent) else {
                throw outcome.failure(of: request, location: location(request), attempts: attempt)
            }
            try await Task.sleep(for: retryPolicy.delay(after: attempt))
            attempt += 1
        }
    }

    /// `s3://bucket` for messages.
    func location(_ request: S3Request) -> String {
        request.bucket.map { "s3://\($0)" } ?? endpoint.description
    }

    private func sendOnce(_ request: S3Request) async throws -> Outcome {
        let path = endpoint.path(bucket: request.bucket, key: request.key)
        var body = request.body
        if body == nil, request.method == "PUT" || request.method == "POST" { body = ByteBuffer() }
        let payloadHash =
            body.map { $0.withUnsafeReadableBytes { SigV4Signer.payloadHash($0) } } ?? SigV4Request.emptyPayloadHash
        let host = endpoint.hostHeader(bucket: request.bucket)
        let unsigned = SigV4Request(
            method: request.method, path: path, query: request.query,
            headers: [SigV4Request.Header("Host", host)] + request.headers, payloadHash: payloadHash)
        let signer = SigV4Signer(credentials: try await credentials.credentials(), region: region)
        let signature = signer.sign(unsigned, at: Date())

        var headers = HTTPHeaders()
        for header in unsigned.headers + signature.headers { headers.add(name: header.name, value: header.value) }
        let http = try HTTPClient.Request(
            url: endpoint.origin(bucket: request.bucket) + URIEncoding.encode(path, keepingSlashes: true)
                + (request.query.isEmpty ? "" : "?" + Self.queryString(request.query)),
            method: HTTPMethod(rawValue: request.method), headers: headers, body: body.map { .byteBuffer($0) })
        let task = self.http.execute(request: http, delegate: S3ResponseCollector())
        let response = try await withTaskCancellationHandler {
            try await task.get()
        } onCancel: {
            task.cancel()
        }
        if (200..<300).contains(response.status) {
            if request.mayFailWithSuccessStatus, let error = S3ErrorResponse(Data(response.body)) {
                return .refused(status: response.status, error: error)
            }
            return .answered(response)
        }
        let error =
            S3ErrorResponse(Data(response.body))
            ?? S3ErrorResponse(code: Self.codeWithoutBody(status: response.status), message: "")
        return .refused(status: response.status, error: error)
    }

    /// What HEAD answers (no body) mean, in S3's words.
    private static func codeWithoutBody(status: Int) -> String {
        switch status {
        case 301: "PermanentRedirect"
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 412: "PreconditionFailed"
        case 416: "InvalidRange"
        case 503: "ServiceUnavailable"
        default: "HTTP\(status)"
        }
    }

    static func queryString(_ items: [SigV4Request.QueryItem]) -> String {
        items.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }.joined(separator: "&")
    }
}

extension S3Client {
    /// How one attempt ended.
    enum Outcome {
        case answered(S3Response)
        case refused(status: Int, error: S3ErrorResponse)
        case transportFailed(any Error, TransportFailure)

        /// Whether another attempt may succeed, and is safe: a request that is not idempotent
        /// is repeated only when the server cannot have acted on it (it was throttled, or the
        /// connection was never made).
        func mayRetry(idempotent: Bool) -> Bool {
            switch self {
            case .answered:
                return false
            case .refused(let status, let error):
                if status == 503 || error.code == "SlowDown" { return true }
                guard idempotent else { return false }
                return [500, 502, 504, 429].contains(status)
                    || ["InternalError", "RequestTimeout", "ServiceUnavailable"].contains(error.code)
            case .transportFailed(_, let failure):
                switch failure {
                case .notSent: return true
                case .outcomeUnknown: return idempotent
                case .permanent: return false
                }
            }
        }

        func failure(of request: S3Request, location: String, attempts: Int) -> S3RequestFailure {
            switch self {
            case .answered:
                return S3RequestFailure(
                    operation: request.operation, location: location, key: request.key, status: nil, code: nil,
                    message: "no failure", attempts: attempts)
            case .refused(let status, let error):
                return S3RequestFailure(
                    operation: request.operation, location: location, key: request.key, status: status,
                    code: error.code, message: error.message, attempts: attempts)
            case .transportFailed(let error, _):
                return S3RequestFailure(
                    operation: request.operation, location: location, key: request.key, status: nil, code: nil,
                    message: "no answer: \(error)", attempts: attempts)
            }
        }
    }
}

extension S3Client {
    /// Creates a bucket (tests, benchmarks and `sluice` setups on S3-compatible stores).
    public func createBucket(_ bucket: String) async throws {
        _ = try await send(S3Request("CreateBucket", method: "PUT", bucket: bucket))
    }
}
