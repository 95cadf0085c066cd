import Foundation
import Hummingbird
import Logging
import SluiceServing

/// The HTTP lookup service over serving readers. Routes only translate requests into reader
/// calls and answers into JSON:
///
/// - `GET /v1/{table}/{key}`: the row as a JSON object, or 404. A key of several columns has its
///   parts joined by commas; parts are percent-decoded.
/// - `POST /v1/{table}/_batch` with `{"keys": [...]}`: `{"version": N, "rows": [...]}`, one row
///   or null per key in request order, all read under one pointer version. A malformed body is
///   400, one over the context's upload limit 413.
/// - `GET /health`: `ok`. `GET /metrics`: Prometheus text.
///
/// With a token, `/v1` requests need `Authorization: Bearer <token>`; `/health` and `/metrics`
/// stay open for probes and scrapers. Tables not in the configuration answer 404 whatever the
/// store holds.
public struct LookupService: Sendable {
    public let configuration: LookupServerConfiguration
    public let metrics: LookupMetrics
    private let logger: Logger

    public init(configuration: LookupServerConfiguration, logger: Logger, metrics: LookupMetrics = LookupMetrics()) {
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight. `onListening` gets the
    /// bound port (the chosen one when the configuration asks for port 0) once connections are
    /// accepted.
    public func run(onListening: @escaping @Sendable (_ port: Int) -> Void) async throws {
        let port = configuration.port
        let application = Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: port)),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        try await application.runService()
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("health") { _, _ in "ok" }
        router.get("metrics") { _, _ in await metricsResponse() }
        let v1 = router.group("v1")
        if let token = configuration.token {
            v1.add(middleware: BearerTokenCheck(token: token, metrics: metrics))
        }
        v1.get(":table/:key") { _, context in await lookupOne(context: context) }
        v1.post(":table/_batch") { request, context in try await lookupBatch(request, context: context) }
        return router
    }

    private func lookupOne(context: BasicRequestContext) async -> Response {
        let name = context.parameters.get("table") ?? ""
        guard let table = configuration.tables[name] else { return notServed(name) }
        guard let key = context.parameters.get("key")?.removingPercentEncoding else {
            metrics.recordBadRequest()
            return JSONResponse.error(.badRequest, "the key is not valid percent-encoded UTF-8")
        }
        let parts = table.keyColumns.count > 1 ? key.components(separatedBy: ",") : [key]
        switch await lookup(name, in: table, keys: [parts]) {
        case .answered(let lookup):
            guard let object = lookup.jsonObject(at: 0) else {
                return JSONResponse.error(.notFound, "\(name) has no row for key \(key)")
            }
            return JSONResponse.ok(object)
        case .refused(let response):
            return response
        }
    }

    private func lookupBatch(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let name = context.parameters.get("table") ?? ""
        guard let table = configuration.tables[name] else { return notServed(name) }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            metrics.recordBadRequest()
            return JSONResponse.error(.contentTooLarge, "the body is larger than \(context.maxUploadSize) bytes")
        }
        let keys: [[String]]
        switch BatchLookupRequest.parse(Data(body.readableBytesView)) {
        case .success(let batch): keys = batch.keys
        case .failure(let error):
            metrics.recordBadRequest()
            return JSONResponse.error(.badRequest, error.message)
        }
        guard keys.count <= configuration.maxBatchKeys else {
            metrics.recordBadRequest()
            return JSONResponse.error(
                .badRequest, "\(keys.count) keys in one batch; at most \(configuration.maxBatchKeys)")
        }
        switch await lookup(name, in: table, keys: keys) {
        case .answered(let lookup):
            let rows = lookup.rows.indices.map { lookup.jsonObject(at: $0) ?? "null" }
            return JSONResponse.ok("{\"version\":\(lookup.version),\"rows\":[\(rows.joined(separator: ","))]}")
        case .refused(let response):
            return response
        }
    }

    private enum Answer {
        case answered(ServingLookup)
        case refused(Response)
    }

    /// Asks the table's reader and records the outcome; a failure becomes its error response.
    private func lookup(_ name: String, in table: LookupServerConfiguration.ServedTable, keys: [[String]]) async
        -> Answer
    {
        let start = ContinuousClock.now
        do {
            let lookup = try await table.reader.getMany(keys)
            let found = lookup.rows.count { $0 != nil }
            metrics.recordLookup(
                table: name, found: found, missing: lookup.rows.count - found, seconds: Self.seconds(since: start))
            return .answered(lookup)
        } catch {
            metrics.recordFailedLookup(seconds: Self.seconds(since: start))
            switch error as? ServingError {
            case .notServing:
                return .refused(JSONResponse.error(.notFound, "\(name) has no loaded table yet"))
            case .invalidKey(_, let detail):
                metrics.recordBadRequest()
                return .refused(JSONResponse.error(.badRequest, "\(name): \(detail)"))
            default:
                logger.error("lookup failed", metadata: ["table": "\(name)", "error": "\(error)"])
                return .refused(
                    JSONResponse.error(.internalServerError, "lookup in \(name) failed; see the server log"))
            }
        }
    }

    /// The same answer for a table that does not exist and one that is not served, so the
    /// service never tells which other tables the store holds.
    private func notServed(_ name: String) -> Response {
        JSONResponse.error(.notFound, "no serving table named \(name)")
    }

    private func metricsResponse() async -> Response {
        var pointers: [LookupMetrics.PointerCounters] = []
        for (name, table) in configuration.tables {
            let reader = table.reader
            pointers.append(.init(table: name, refreshes: await reader.pointerReads, cacheHits: await reader.cacheHits))
        }
        let text = metrics.prometheusText(tables: Array(configuration.tables.keys), pointers: pointers)
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).inSeconds
    }
}
