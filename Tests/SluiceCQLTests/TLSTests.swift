import CQLTestServer
import Foundation
import NIOCore
import NIOSSL
import SluiceCQL
import SluiceTestSupport
import Testing

/// TLS: the client checks the server's certificate (a throwaway one `openssl` makes for
/// 127.0.0.1–3), refuses a server it does not trust with the reason, and the Python driver talks
/// to the same TLS server.
@Suite(
    .enabled(if: OpenSSLTool.url != nil, "no /usr/bin/openssl: scripts/install-deps installs it"),
    .timeLimit(.minutes(10)))
struct TLSTests {
    /// A self-signed certificate and its key in a new folder.
    static func certificate() async throws -> (certificate: URL, key: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cql-tls-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = folder.appendingPathComponent("cert.pem")
        let key = folder.appendingPathComponent("key.pem")
        let openssl = try #require(OpenSSLTool.url)
        let result = try await ChildProcess.run(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=cql-test-server", "-addext",
                "subjectAltName=IP:127.0.0.1,IP:127.0.0.2,IP:127.0.0.3,DNS:localhost", "-keyout", key.path, "-out",
                certificate.path,
            ])
        guard result.status == 0 else { throw DriverOracle.OracleFailure(message: "openssl: \(result.stderr)") }
        return (certificate, key)
    }

    @Test func aTrustedServerIsUsedAndAnUntrustedOneRefused() async throws {
        let (certificatePath, keyPath) = try await Self.certificate()
        defer { try? FileManager.default.removeItem(at: certificatePath.deletingLastPathComponent()) }
        let certificate = try NIOSSLCertificate(file: certificatePath.path, format: .pem)
        let serverTLS = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(certificate)],
            privateKey: .privateKey(try NIOSSLPrivateKey(file: keyPath.path, format: .pem)))
        let server = try await CQLTestServer.start(
            .init(nodeCount: 2, tls: try NIOSSLContext(configuration: serverTLS)))

        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates([certificate])
        let client = try await CQLClient.connect(.init(contactPoints: ["127.0.0.1"], port: server.port, tls: trusting))
        #expect(client.hosts.count == 2)
        // Both nodes: the control connection's and a pool connection to the other one.
        for _ in 0..<4 {
            #expect(try await client.query("SELECT key FROM system.local").rows.count == 1)
        }
        await client.close()

        do {
            _ = try await CQLClient.connect(
                .init(contactPoints: ["127.0.0.1"], port: server.port, tls: .makeClientConfiguration()))
            Issue.record("connected to a server whose certificate nothing vouches for")
        } catch {
            #expect("\(error)".contains("connection failed"), "\(error)")
        }
        await #expect(throws: CQLClientError.self) {
            _ = try await CQLClient.connect(
                .init(contactPoints: ["127.0.0.1"], port: server.port, connectTimeout: .seconds(2)))
        }

        let python = try #require(DriverOracle.python)
        let check = try await DriverOracle.run(
            python, ["tls", "127.0.0.1", "\(server.port)", certificatePath.path], script: "interop.py")
        #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(check)")
        await server.stop()
    }
}

/// Debian's openssl package, which scripts/install-deps installs.
enum OpenSSLTool {
    static var url: URL? {
        let url = URL(fileURLWithPath: "/usr/bin/openssl")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }
}
