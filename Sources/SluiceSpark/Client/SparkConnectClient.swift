import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import GRPCProtobuf
import SluiceCore

/// A session on a Spark Connect server: runs plans and collects their Arrow results, reads and sets
/// session config, and turns Spark's errors into `SparkError`s.
///
/// One client holds one HTTP/2 connection (reconnected as needed) and one Spark session. Calls
/// that fail because the server cannot be reached are retried with backoff, then reported as
/// `SparkError.unreachable`. Results are streamed reattachably: when a stream breaks off before
/// the result is complete, the client reattaches after the last response it got.
public final class SparkConnectClient: Sendable {
    public let url: SparkConnectURL
    /// The Spark session id this client uses (the URL's, or a new UUID).
    public let sessionID: String
    /// How the client names itself to Spark (`client_type`, and the user agent).
    public static let clientType = "sluice/\(SluiceVersion.current)"

    let service: Spark_Connect_SparkConnectService.Client<HTTP2ClientTransport.Posix>
    private let grpc: GRPCClient<HTTP2ClientTransport.Posix>
    private let connections: Task<Void, any Error>
    let userContext: Spark_Connect_UserContext
    let retry: SparkRetryPolicy

    /// The largest message accepted: Spark's Arrow batches stay far below it.
    static let maxMessageBytes = 256 << 20

    /// Connects lazily: the first call opens the connection.
    ///
    /// - Throws: `SparkError` when the transport cannot be set up (a bad host name).
    public init(_ url: SparkConnectURL, retry: SparkRetryPolicy = .init()) throws {
        self.url = url
        self.retry = retry
        sessionID = url.sessionID ?? UUID().uuidString.lowercased()
        var user = Spark_Connect_UserContext()
        user.userID = url.userID ?? ProcessInfo.processInfo.environment["USER"] ?? "sluice"
        user.userName = user.userID
        userContext = user
        var serviceConfig = ServiceConfig()
        serviceConfig.methodConfig = [
            MethodConfig(
                names: [MethodConfig.Name(service: "")], maxRequestMessageBytes: Self.maxMessageBytes,
                maxResponseMessageBytes: Self.maxMessageBytes)
        ]
        let transport: HTTP2ClientTransport.Posix
        do {
            transport = try HTTP2ClientTransport.Posix(
                target: .dns(host: url.host, port: url.port),
                transportSecurity: url.useTLS ? .tls : .plaintext,
                config: .defaults { config in
                    config.backoff = .init(initial: .milliseconds(100), max: .seconds(2), multiplier: 1.6, jitter: 0.2)
                    config.connection.keepalive = .init(
                        time: .seconds(300), timeout: .seconds(20), allowWithoutCalls: false)
                },
                serviceConfig: serviceConfig)
        } catch {
            throw SparkError.unreachable(url.description, attempts: 0, reason: "\(error)")
        }
        let userAgent = url.userAgent.map { "\($0) \(Self.clientType)" } ?? Self.clientType
        grpc = GRPCClient(
            transport: transport, interceptors: [SparkHeadersInterceptor(token: url.token, userAgent: userAgent)])
        let grpc = grpc
        connections = Task { try await grpc.runConnections() }
        service = Spark_Connect_SparkConnectService.Client(wrapping: grpc)
    }

    /// Closes the connection once calls in flight have finished.
    public func close() async {
        grpc.beginGracefulShutdown()
        _ = await connections.result
    }

    /// Options of unary calls: message limits, and the retry policy's deadline per attempt.
    var unaryOptions: CallOptions {
        var options = CallOptions.defaults
        options.maxRequestMessageBytes = Self.maxMessageBytes
        options.maxResponseMessageBytes = Self.maxMessageBytes
        options.timeout = retry.callTimeout
        return options
    }

    /// Options of streaming calls: no deadline (a query may run for hours).
    var streamingOptions: CallOptions {
        var options = CallOptions.defaults
        options.maxRequestMessageBytes = Self.maxMessageBytes
        options.maxResponseMessageBytes = Self.maxMessageBytes
        return options
    }

    /// The server's Spark version.
    public func sparkVersion() async throws -> String {
        var request = sessionRequest(Spark_Connect_AnalyzePlanRequest.self)
        request.sparkVersion = .init()
        let sent = request
        let response = try await call("AnalyzePlan") {
            try await self.service.analyzePlan(sent, options: self.unaryOptions)
        }
        return response.sparkVersion.version
    }

    /// The schema a plan's result would have, without running it.
    public func schema(of plan: SparkPlan) async throws -> Schema {
        var request = sessionRequest(Spark_Connect_AnalyzePlanRequest.self)
        request.schema.plan = plan.proto
        let sent = request
        let response = try await call("AnalyzePlan") {
            try await self.service.analyzePlan(sent, options: self.unaryOptions)
        }
        return try SparkDataTypes.schema(response.schema.schema)
    }

    /// Sets session config (`spark.conf.set`).
    public func setConfig(_ pairs: [(String, String)]) async throws {
        var operation = Spark_Connect_ConfigRequest.Set()
        operation.pairs = pairs.map { key, value in
            var pair = Spark_Connect_KeyValue()
            pair.key = key
            pair.value = value
            return pair
        }
        var request = sessionRequest(Spark_Connect_ConfigRequest.self)
        request.operation.set = operation
        let sent = request
        _ = try await call("Config") { try await self.service.config(sent, options: self.unaryOptions) }
    }

    /// Session config values (`spark.conf.get`), nil for unset keys.
    public func config(_ keys: [String]) async throws -> [String: String?] {
        var operation = Spark_Connect_ConfigRequest.GetOption()
        operation.keys = keys
        var request = sessionRequest(Spark_Connect_ConfigRequest.self)
        request.operation.getOption = operation
        let sent = request
        let response = try await call("Config") { try await self.service.config(sent, options: self.unaryOptions) }
        var values: [String: String?] = [:]
        for pair in response.pairs { values[pair.key] = pair.hasValue ? pair.value : nil }
        return values
    }

    /// Interrupts one execution of this session (all of them when `operationID` is nil); returns
    /// the ids Spark interrupted.
    @discardableResult
    public func interrupt(operationID: String? = nil) async throws -> [String] {
        var request = sessionRequest(Spark_Connect_InterruptRequest.self)
        if let operationID {
            request.interruptType = .operationID
            request.operationID = operationID
        } else {
            request.interruptType = .all
        }
        let sent = request
        return try await call("Interrupt") { try await self.service.interrupt(sent, options: self.unaryOptions) }
            .interruptedIds
    }
}

extension SparkConnectClient {
    /// Spark's EXPLAIN EXTENDED of a plan: parsed, analyzed, optimized and physical plans.
    public func explain(_ plan: SparkPlan) async throws -> String {
        var request = sessionRequest(Spark_Connect_AnalyzePlanRequest.self)
        request.explain.plan = plan.proto
        request.explain.explainMode = .extended
        let sent = request
        let response = try await call("AnalyzePlan") {
            try await self.service.analyzePlan(sent, options: self.unaryOptions)
        }
        return response.explain.explainString
    }
}
