import Foundation
import SluiceStorage
import Testing

@Suite("SigV4 signing against the AWS test vectors")
struct SigV4SignerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sigv4")

    /// The crt-v4 cases that follow S3's rules: the normalized variants and the double encodings
    /// apply to other services only.
    static let crtCases: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("crt-v4").path))
            ?? []
        return names.filter { !$0.hasSuffix("-normalized") && !$0.hasPrefix("double-") && !$0.hasSuffix(".md") }
            .sorted()
    }()

    @Test("header and query signing match crt-v4 byte for byte", arguments: crtCases)
    func crtVector(name: String) throws {
        let folder = Self.fixtures.appendingPathComponent("crt-v4/\(name)")
        func text(_ file: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let context = try JSONDecoder().decode(CRTContext.self, from: Data(try text("context.json").utf8))
        let (request, body) = try Self.parse(try text("request.txt"))
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: context.credentials.access_key_id,
                secretAccessKey: context.credentials.secret_access_key,
                // The case where a token is added after signing, unsigned (some services, not S3).
                sessionToken: context.omit_session_token == true ? nil : context.credentials.token),
            region: context.region, service: context.service)
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        var signable = request
        signable.payloadHash = SigV4Signer.payloadHash(Data(body.utf8))

        let header = signer.sign(signable, at: date, contentHashHeader: context.sign_body)
        #expect(header.canonicalRequest == (try text("header-canonical-request.txt")))
        #expect(header.stringToSign == (try text("header-string-to-sign.txt")))
        #expect(header.signature == (try text("header-signature.txt")))

        let query = signer.presign(signable, at: date, expiresIn: context.expiration_in_seconds)
        #expect(query.canonicalRequest == (try text("query-canonical-request.txt")))
        #expect(query.stringToSign == (try text("query-string-to-sign.txt")))
        #expect(query.signature == (try text("query-signature.txt")))
    }

    @Test("the S3 documentation's examples: canonical request, string to sign and signature")
    func s3DocumentationExamples() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("s3-doc-examples.json"))
        let examples = try JSONDecoder().decode([S3Example].self, from: data)
        #expect(examples.count == 5)
        for example in examples {
            let url = try #require(URLComponents(string: example.url))
            let host = try #require(url.host)
            let query = (url.percentEncodedQueryItems ?? []).map {
                SigV4Request.QueryItem(
                    $0.name.removingPercentEncoding ?? $0.name, $0.value?.removingPercentEncoding ?? "")
            }
            let headers =
                [SigV4Request.Header("Host", host)]
                + (example.headers ?? [:]).map { SigV4Request.Header($0.key, $0.value) }
            let request = SigV4Request(
                method: example.method, path: url.path, query: query, headers: headers,
                payloadHash: example.expires == nil
                    ? SigV4Signer.payloadHash(Data((example.body ?? "").utf8)) : SigV4Request.unsignedPayload)
            let signer = SigV4Signer(
                credentials: AWSCredentials(accessKeyID: example.access_key, secretAccessKey: example.secret_key),
                region: example.region, service: example.service)
            let date = try #require(Self.basicDate(example.timestamp))
            if let expires = example.expires {
                let signed = signer.presign(request, at: date, expiresIn: expires)
                #expect(signed.signature == example.expect, "\(example.name)")
                let presigned = signed.query.map { "\($0.name)=\(Self.encode($0.value))" }.joined(separator: "&")
                #expect(example.presigned_url == "https://\(host)\(url.percentEncodedPath)?\(presigned)")
            } else {
                let signed = signer.sign(request, at: date)
                #expect(signed.canonicalRequest == example.canonical_request, "\(example.name)")
                #expect(signed.stringToSign == example.string_to_sign, "\(example.name)")
                #expect(signed.signature == example.expect, "\(example.name)")
                #expect(signed.headers.last?.value == example.authorization, "\(example.name)")
            }
        }
    }

    @Test("credentials never show their secret or token")
    func redaction() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s3cr3t", sessionToken: "t0k3n")
        #expect(!"\(credentials)".contains("s3cr3t"))
        #expect(!"\(credentials)".contains("t0k3n"))
        #expect("\(credentials)".contains("AKID"))
    }

    /// A request.txt: request line, headers (indented lines continue the previous one), a blank
    /// line, the body.
    static func parse(_ text: String) throws -> (SigV4Request, String) {
        let parts = text.components(separatedBy: "\n\n")
        var lines = parts[0].components(separatedBy: "\n")
        // METHOD TARGET HTTP/1.1, where the target may hold spaces.
        let requestLine = lines.removeFirst().split(separator: " ")
        let target = requestLine.dropFirst().dropLast().joined(separator: " ")
        var headers: [SigV4Request.Header] = []
        for line in lines {
            if line.first == " " || line.first == "\t", var last = headers.popLast() {
                last.value += " " + line.trimmingCharacters(in: .whitespaces)
                headers.append(last)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(
                    SigV4Request.Header(String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let pathAndQuery = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(pathAndQuery[0]).removingPercentEncoding ?? String(pathAndQuery[0])
        let query: [SigV4Request.QueryItem] =
            pathAndQuery.count < 2
            ? []
            : pathAndQuery[1].split(separator: "&").map { pair in
                let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(nameAndValue[0]).removingPercentEncoding ?? String(nameAndValue[0])
                let value = nameAndValue.count > 1 ? String(nameAndValue[1]).removingPercentEncoding ?? "" : ""
                return SigV4Request.QueryItem(name, value)
            }
        let request = SigV4Request(
            method: String(requestLine[0]), path: path, query: query, headers: headers,
            payloadHash: SigV4Request.emptyPayloadHash)
        return (request, parts.dropFirst().joined(separator: "\n\n"))
    }

    static func basicDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }

    /// Query values in a URL, encoded as SigV4 encodes them.
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

// Field names as the vector files spell them.
// swift-format-ignore: AlwaysUseLowerCamelCase
private struct CRTContext: Decodable {
    struct Credentials: Decodable {
        var access_key_id: String
        var secret_access_key: String
        var token: String?
    }

    var credentials: Credentials
    var expiration_in_seconds: Int
    var region: String
    var service: String
    var sign_body: Bool
    var timestamp: String
    var omit_session_token: Bool?
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct S3Example: Decodable {
    var name: String
    var method: String
    var url: String
    var headers: [String: String]?
    var body: String?
    var expires: Int?
    var access_key: String
    var secret_key: String
    var region: String
    var service: String
    var timestamp: String
    var expect: String
    var canonical_request: String?
    var string_to_sign: String?
    var authorization: String?
    var presigned_url: String?
}
