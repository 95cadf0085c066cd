import Crypto
import Foundation
import NIOCore

/// An `ObjectStore` over a bucket, or a prefix inside one (`s3://bucket/lake/`): keys are
/// relative to the prefix. Reads are ranged GETs, writes become one PutObject or a multipart
/// upload (`S3ObjectWriter`), all through one pooled, retrying `S3Client`.
public struct S3ObjectStore: ObjectStore {
    /// S3 refuses parts below 5 MiB (except the last).
    public static let minimumPartSize = 5 << 20

    public let client: S3Client
    public let bucket: String
    /// The key prefix the store's keys are relative to: empty, or ending with `/`.
    public let prefix: String
    /// Bytes per multipart part; an object smaller than one part is sent with one PutObject.
    public let partSize: Int
    /// Parts of one object in flight at once.
    public let uploadConcurrency: Int

    public init(
        client: S3Client, bucket: String, prefix: String = "", partSize: Int = 8 << 20, uploadConcurrency: Int = 8
    )
        throws(S3ConfigurationError)
    {
        guard !bucket.isEmpty, !bucket.contains("/") else {
            throw .invalidSetting(name: "bucket", value: bucket, reason: "a bucket name has no '/' and is not empty")
        }
        guard partSize >= Self.minimumPartSize else {
            throw .invalidSetting(
                name: "part_size", value: String(partSize), reason: "S3 parts are at least 5 MiB (5242880 bytes)")
        }
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
        self.partSize = partSize
        self.uploadConcurrency = max(1, uploadConcurrency)
    }

    public var displayLocation: String { "s3://\(bucket)/\(prefix)" }

    public func shutdown() async throws {
        try await client.shutdown()
    }

    // MARK: Reading

    public func listPage(prefix keyPrefix: String, delimiter: String?, continuationToken: String?) async throws
        -> ObjectListPage
    {
        try ObjectKeyRules.validate(keyPrefix: keyPrefix)
        var query = [SigV4Request.QueryItem("list-type", "2"), SigV4Request.QueryItem("prefix", prefix + keyPrefix)]
        if let delimiter { query.append(SigV4Request.QueryItem("delimiter", delimiter)) }
        if let continuationToken { query.append(SigV4Request.QueryItem("continuation-token", continuationToken)) }
        let response = try await client.send(S3Request("ListObjectsV2", method: "GET", bucket: bucket, query: query))
        var page = try S3ListObjectsResponse.page(from: Data(response.body))
        let strip = prefix.count
        page.objects = page.objects.map {
            ObjectInfo(key: String($0.key.dropFirst(strip)), size: $0.size, lastModified: $0.lastModified)
        }
        page.commonPrefixes = page.commonPrefixes.map { String($0.dropFirst(strip)) }
        return page
    }

    public func head(_ key: String) async throws -> ObjectInfo? {
        try ObjectKeyRules.validate(key: key)
        do {
            let response = try await client.send(
                S3Request("HeadObject", method: "HEAD", bucket: bucket, key: prefix + key))
            guard let size = response.header("Content-Length").flatMap(Int64.init) else {
                throw S3ResponseError.malformed(what: "HeadObject of \(key)", detail: "no Content-Length")
            }
            let modified = response.header("Last-Modified").flatMap(S3Time.httpDate) ?? Date(timeIntervalSince1970: 0)
            return ObjectInfo(key: key, size: size, lastModified: modified)
        } catch let failure as S3RequestFailure where failure.status == 404 {
            return nil
        }
    }

    public func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8] {
        try ObjectKeyRules.validate(key: key)
        if let range, range.isEmpty { return [] }
        var headers: [SigV4Request.Header] = []
        if let range {
            headers.append(SigV4Request.Header("Range", "bytes=\(range.lowerBound)-\(range.upperBound - 1)"))
        }
        let response: S3Response
        do {
            response = try await client.send(
                S3Request("GetObject", method: "GET", bucket: bucket, key: prefix + key, headers: headers))
        } catch let failure as S3RequestFailure where failure.code == "NoSuchKey" {
            throw StorageError.notFound(location: displayLocation, key: key)
        } catch let failure as S3RequestFailure where failure.status == 416 {
            return []  // the range starts at or past the end: clamped to nothing, as the protocol says
        }
        guard let range else { return response.body }
        return try Self.bytes(of: response, in: range, key: key)
    }

    /// The requested bytes of a ranged answer. Servers may answer 206 or 200 with a
    /// `Content-Range` (rclone), which is trusted; a 200 without one carries the whole object.
    static func bytes(of response: S3Response, in range: Range<Int64>, key: String) throws -> [UInt8] {
        let served: Range<Int64>
        if let contentRange = response.header("Content-Range") {
            guard let parsed = S3ContentRange(contentRange) else {
                throw S3ResponseError.malformed(what: "GetObject of \(key)", detail: "Content-Range \(contentRange)")
            }
            served = parsed.range
        } else {
            served = 0..<Int64(response.body.count)
        }
        guard served.count == Int64(response.body.count), served.lowerBound <= range.lowerBound else {
            throw S3ResponseError.malformed(
                what: "GetObject of \(key)",
                detail: "asked for bytes \(range), got \(response.body.count) bytes for \(served)")
        }
        if served.lowerBound == range.lowerBound, served.upperBound <= range.upperBound { return response.body }
        let start = Int(range.lowerBound - served.lowerBound)
        let end = Int(min(range.upperBound, served.upperBound) - served.lowerBound)
        return start < end ? Array(response.body[start..<end]) : []
    }

    // MARK: Writing

    public func makeWriter(for key: String) async throws -> any ObjectWriter {
        try ObjectKeyRules.validate(key: key)
        return S3ObjectWriter(store: self, key: key)
    }

    public func delete(_ key: String) async throws {
        try ObjectKeyRules.validate(key: key)
        _ = try await client.send(S3Request("DeleteObject", method: "DELETE", bucket: bucket, key: prefix + key))
    }

    /// Deletes many objects with DeleteObjects, up to 1,000 per request.
    /// - Throws: `S3RequestFailure` naming the first key the store refused to delete.
    public func delete(keys: [String]) async throws {
        for key in keys { try ObjectKeyRules.validate(key: key) }
        for start in stride(from: 0, to: keys.count, by: 1000) {
            let batch = keys[start..<min(keys.count, start + 1000)]
            let body = S3DeleteObjects.requestBody(keys: batch.map { prefix + $0 })
            let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
            let response = try await client.send(
                S3Request(
                    "DeleteObjects", method: "POST", bucket: bucket, query: [SigV4Request.QueryItem("delete", "")],
                    headers: [SigV4Request.Header("Content-MD5", md5)], body: ByteBuffer(bytes: body)))
            if let refused = try S3DeleteObjects.errors(in: Data(response.body)).first {
                throw S3RequestFailure(
                    operation: "DeleteObjects", location: displayLocation,
                    key: String(refused.key.dropFirst(prefix.count)), status: response.status, code: refused.code,
                    message: refused.message, attempts: 1)
            }
        }
    }

    /// Copies an object inside the bucket on the server (CopyObject; objects up to 5 GB).
    public func copy(_ source: String, to destination: String) async throws {
        try ObjectKeyRules.validate(key: source)
        try ObjectKeyRules.validate(key: destination)
        let copySource = URIEncoding.encode("/\(bucket)/\(prefix + source)", keepingSlashes: true)
        var request = S3Request(
            "CopyObject", method: "PUT", bucket: bucket, key: prefix + destination,
            headers: [SigV4Request.Header("x-amz-copy-source", copySource)])
        request.mayFailWithSuccessStatus = true
        do {
            _ = try await client.send(request)
        } catch let failure as S3RequestFailure where failure.code == "NoSuchKey" {
            throw StorageError.notFound(location: displayLocation, key: source)
        }
    }

    /// A URL that lets anyone GET (or `method`) the object for `seconds`, without credentials.
    public func presignedURL(for key: String, method: String = "GET", expiresIn seconds: Int) async throws -> String {
        try ObjectKeyRules.validate(key: key)
        return try await client.presignedURL(method: method, bucket: bucket, key: prefix + key, expiresIn: seconds)
    }
}
