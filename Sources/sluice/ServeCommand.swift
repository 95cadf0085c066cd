import ArgumentParser
import Foundation
import SluiceHTTP
import SluiceJobs

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve lookups in the project's serving tables over HTTP.",
        discussion: """
            GET /v1/TABLE/KEY answers one row as JSON (a key of several columns joins its parts with \
            commas); POST /v1/TABLE/_batch with {"keys": [...]} answers {"version": N, "rows": [...]}. \
            GET /health answers ok, GET /metrics Prometheus text. Only the project's serving tables are \
            served. With --token-env, /v1 requests need "Authorization: Bearer TOKEN"; /health and \
            /metrics stay open, so expose the port only where probes and scrapers may reach it. \
            Prints "listening on http://HOST:PORT" once ready; SIGINT or SIGTERM stops it.
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: "The address to bind.") var host = "127.0.0.1"
    @Option(help: "The port to bind; 0 picks a free one (the line printed when ready names it).") var port = 8080
    @Option(help: "An environment variable holding the bearer token /v1 requests must send.") var tokenEnv: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let token = try tokenEnv.map { try LookupServerConfiguration.token(fromVariable: $0) }
        let logger = options.makeLogger()
        try await ProjectSession.with(at: options.projectRoot, logger: logger) { session in
            var tables: [String: LookupServerConfiguration.ServedTable] = [:]
            for target in session.project.servingTargets {
                tables[target.table] = .init(
                    reader: try await session.servingReader(table: target.table), keyColumns: target.key)
            }
            let configuration = LookupServerConfiguration(host: host, port: port, token: token, tables: tables)
            let shownHost = host.contains(":") ? "[\(host)]" : host
            try await LookupService(configuration: configuration, logger: logger).run { port in
                // Unbuffered: a parent process waits for this line on a pipe.
                FileHandle.standardOutput.write(Data("listening on http://\(shownHost):\(port)\n".utf8))
            }
        }
    }
}
