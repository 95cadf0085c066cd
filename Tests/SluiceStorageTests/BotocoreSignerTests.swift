import Foundation
import SluiceStorage
import Testing

/// Requests botocore's S3SigV4Auth signed (Fixtures/botocore-sigv4.json, written by
/// Scripts/botocore_sigv4_cases.py): reserved characters in queries, unicode and `=` in keys,
/// empty and 1 MiB bodies, session tokens. The Swift signer must match byte for byte.
@Suite("SigV4 signing against botocore")
struct BotocoreSignerTests {
    struct Fixture: Decodable {
        var timestamp: String
        var region: String
        var host: String
        var cases: [Case]
    }

    struct Case: Decodable, CustomStringConvertible {
        var name: String
        var method: String
        var path: String
        var query: [[String]]
        var headers: [[String]]
        var body: Body
        var sessionToken: Bool
        var payloadHash: String
        var canonicalRequest: String
        var stringToSign: String
        var signature: String

        var description: String { name }
    }

    struct Body: Decodable {
        var kind: String
        var value: String?
        var count: Int?

        /// The bytes the generator signed (`pattern`: byte i is (31 i + 7) mod 251).
        var bytes: [UInt8] {
            switch kind {
            case "text": Array((value ?? "").utf8)
            case "pattern": (0..<(count ?? 0)).map { UInt8(($0 * 31 + 7) % 251) }
            default: []
            }
        }
    }

    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/botocore-sigv4.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Fixture.self, from: $0) }
    }()

    @Test("canonical request, string to sign and signature equal botocore's", arguments: fixture?.cases ?? [])
    func matchesBotocore(_ signed: Case) throws {
        let fixture = try #require(Self.fixture)
        let body = signed.body.bytes
        #expect(SigV4Signer.payloadHash(body) == signed.payloadHash)
        let request = SigV4Request(
            method: signed.method, path: signed.path,
            query: signed.query.map { SigV4Request.QueryItem($0[0], $0[1]) },
            headers: [SigV4Request.Header("Host", fixture.host)]
                + signed.headers.map { SigV4Request.Header($0[0], $0[1]) },
            payloadHash: SigV4Signer.payloadHash(body))
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                sessionToken: signed.sessionToken ? "IQoJb3JpZ2luX2VjEXAMPLETOKEN+/=" : nil),
            region: fixture.region)
        let date = try #require(ISO8601DateFormatter().date(from: Self.iso(fixture.timestamp)))
        let signature = signer.sign(request, at: date)
        #expect(signature.canonicalRequest == signed.canonicalRequest)
        #expect(signature.stringToSign == signed.stringToSign)
        #expect(signature.signature == signed.signature)
    }

    @Test("the fixture is present and holds every case")
    func fixturePresent() {
        #expect(Self.fixture?.cases.count == 8)
    }

    /// `20261125T123456Z` as `2026-11-25T12:34:56Z`.
    static func iso(_ stamp: String) -> String {
        let c = Array(stamp)
        return String(c[0..<4]) + "-" + String(c[4..<6]) + "-" + String(c[6..<8]) + "T" + String(c[9..<11]) + ":"
            + String(c[11..<13]) + ":" + String(c[13..<15]) + "Z"
    }
}
