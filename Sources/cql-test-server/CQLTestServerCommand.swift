import ArgumentParser
import CQLTestServer
import NIOSSL

/// `cql-test-server --port 9042 [--nodes 3] [--auth user:pass]`: runs the in-memory CQL test server
/// until interrupted, for cqlsh, drivers and benchmarks.
@main
struct CQLTestServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cql-test-server",
        abstract: "An in-memory CQL v4 server for tests (not a database).",
        discussion: "Nodes listen on 127.0.0.1, 127.0.0.2, … at the same port and share one copy of the data.")

    @Option(help: "The port every node listens on (0 picks a free one).")
    var port = 9042

    @Option(help: "How many nodes, at 127.0.0.1, 127.0.0.2, ….")
    var nodes = 1

    @Option(help: "Require a PasswordAuthenticator login, as user:password.")
    var auth: String?

    @Option(help: "Serve TLS only, with this PEM certificate (needs --tls-key).")
    var tlsCert: String?

    @Option(help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    func run() async throws {
        var configuration = CQLTestServer.Configuration(port: port, nodeCount: nodes)
        if let auth {
            guard let colon = auth.firstIndex(of: ":") else {
                throw ValidationError("--auth takes user:password, got '\(auth)'")
            }
            configuration.credentials = .init(
                username: String(auth[..<colon]), password: String(auth[auth.index(after: colon)...]))
        }
        switch (tlsCert, tlsKey) {
        case (let certificate?, let key?):
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: [.certificate(try NIOSSLCertificate(file: certificate, format: .pem))],
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            configuration.tls = try NIOSSLContext(configuration: tls)
        case (nil, nil): break
        default: throw ValidationError("--tls-cert and --tls-key go together")
        }
        let server = try await CQLTestServer.start(configuration)
        print("cql-test-server: \(server.nodes.map(\.address).joined(separator: ", ")) port \(server.port)")
        // Serve until the process is interrupted.
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }
}
