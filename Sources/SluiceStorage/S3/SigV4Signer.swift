import Crypto
import Foundation
import SluiceCore

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for one region and service: header signing and
/// presigned URLs, byte for byte as the AWS test vectors expect, with S3's path rules (each path
/// byte encoded once, no normalization).
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs with an `Authorization` header.
    ///
    /// - Parameter contentHashHeader: also sign and send `x-amz-content-sha256` (S3 needs it).
    public func sign(_ request: SigV4Request, at date: Date, contentHashHeader: Bool = true) -> SigV4Signature {
        let stamp = SigV4Timestamp(date)
        var added = [SigV4Request.Header("X-Amz-Date", stamp.dateTime)]
        if contentHashHeader { added.append(SigV4Request.Header("X-Amz-Content-Sha256", request.payloadHash)) }
        if let token = credentials.sessionToken { added.append(SigV4Request.Header("X-Amz-Security-Token", token)) }
        var signed = request
        signed.headers += added
        let canonical = CanonicalRequest(signed)
        let (stringToSign, signature) = self.signature(of: canonical.text, stamp: stamp)
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(stamp)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical.text, stringToSign: stringToSign, signature: signature,
            headers: added + [SigV4Request.Header("Authorization", authorization)], query: [])
    }

    /// Signs with query parameters, for a URL anyone can use until it expires.
    public func presign(_ request: SigV4Request, at date: Date, expiresIn seconds: Int) -> SigV4Signature {
        let stamp = SigV4Timestamp(date)
        let signedHeaders = CanonicalRequest(request).signedHeaders
        var added = [
            SigV4Request.QueryItem("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            SigV4Request.QueryItem("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(stamp))"),
            SigV4Request.QueryItem("X-Amz-Date", stamp.dateTime),
            SigV4Request.QueryItem("X-Amz-Expires", String(seconds)),
        ]
        if let token = credentials.sessionToken { added.append(SigV4Request.QueryItem("X-Amz-Security-Token", token)) }
        added.append(SigV4Request.QueryItem("X-Amz-SignedHeaders", signedHeaders))
        var signed = request
        signed.query += added
        let canonical = CanonicalRequest(signed)
        let (stringToSign, signature) = self.signature(of: canonical.text, stamp: stamp)
        return SigV4Signature(
            canonicalRequest: canonical.text, stringToSign: stringToSign, signature: signature, headers: [],
            query: added + [SigV4Request.QueryItem("X-Amz-Signature", signature)])
    }

    private func scope(_ stamp: SigV4Timestamp) -> String { "\(stamp.date)/\(region)/\(service)/aws4_request" }

    private func signature(of canonicalRequest: String, stamp: SigV4Timestamp) -> (String, String) {
        let stringToSign =
            "AWS4-HMAC-SHA256\n\(stamp.dateTime)\n\(scope(stamp))\n"
            + Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8)))
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [stamp.date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
        return (stringToSign, Self.hex(signature))
    }

    /// Lowercase hex of a digest or MAC.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The hex SHA-256 of a body, for `SigV4Request.payloadHash`.
    public static func payloadHash(_ body: some DataProtocol) -> String { hex(SHA256.hash(data: body)) }
}

/// A request's canonical form: method, encoded path, sorted encoded query, sorted lowercase
/// headers with trimmed values, the signed header names, and the payload hash.
struct CanonicalRequest {
    let text: String
    let signedHeaders: String

    init(_ request: SigV4Request) {
        let encoded: [(name: String, value: String)] = request.query.map {
            (URIEncoding.encode($0.name), URIEncoding.encode($0.value))
        }
        let sorted = encoded.sorted { left, right in
            left.name == right.name ? left.value < right.value : left.name < right.name
        }
        let query = sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
        var headers: [String: [String]] = [:]
        for header in request.headers {
            headers[header.name.lowercased(), default: []].append(Self.canonicalValue(header.value))
        }
        let names = headers.keys.sorted()
        signedHeaders = names.joined(separator: ";")
        let canonicalHeaders = names.map { name in
            name + ":" + (headers[name] ?? []).joined(separator: ",") + "\n"
        }.joined()
        let path = request.path.isEmpty ? "/" : URIEncoding.encode(request.path, keepingSlashes: true)
        text = [request.method, path, query, canonicalHeaders, signedHeaders, request.payloadHash]
            .joined(separator: "\n")
    }

    /// Trims the value and collapses each run of spaces (and folded lines) into one space.
    private static func canonicalValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }
}

/// The two time forms SigV4 uses: `20150830T123600Z` and `20150830`.
struct SigV4Timestamp {
    let dateTime: String
    let date: String

    init(_ instant: Date) {
        dateTime = UTCTimestamp.iso8601(instant).filter { $0 != "-" && $0 != ":" }
        date = String(dateTime.prefix(8))
    }
}
