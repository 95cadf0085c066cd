import GRPCCore
import GRPCProtobuf

extension SparkConnectClient {
    /// Runs `body`, retrying while the server cannot be reached (and `mayRetry` agrees), and turns
    /// gRPC errors into `SparkError`s (with Spark's error details fetched when the server points at
    /// them).
    func call<Result: Sendable>(
        _ name: String, mayRetry: () -> Bool = { true }, _ body: @Sendable () async throws -> Result
    ) async throws -> Result {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let error as RPCError where error.code == .unavailable {
                guard attempt < retry.attempts, mayRetry() else {
                    throw SparkError.unreachable(url.description, attempts: attempt, reason: error.message)
                }
                try await Task.sleep(for: retry.backoff(before: attempt))
                attempt += 1
            } catch let error as RPCError {
                throw await translate(error, during: name)
            }
        }
    }

    /// Spark's error for a failed call: the details FetchErrorDetails gives for the error id in the
    /// status, else what the status itself says.
    func translate(_ error: RPCError, during name: String) async -> SparkError {
        let info = (try? error.unpackGoogleRPCStatus())?.details.compactMap(\.errorInfo).first
        var server = SparkError.ServerError(
            errorClass: info?.metadata["errorClass"], message: error.message, sqlState: info?.metadata["sqlState"],
            exceptionClass: info?.reason)
        if let errorID = info?.metadata["errorId"], let details = try? await errorDetails(errorID),
            details.hasRootErrorIdx, Int(details.rootErrorIdx) < details.errors.count
        {
            let root = details.errors[Int(details.rootErrorIdx)]
            server.message = root.message
            server.exceptionClass = root.errorTypeHierarchy.first ?? server.exceptionClass
            if root.hasSparkThrowable {
                let throwable = root.sparkThrowable
                if throwable.hasErrorClass { server.errorClass = throwable.errorClass }
                if throwable.hasSqlState { server.sqlState = throwable.sqlState }
                if let context = throwable.queryContexts.first, context.contextType == .sql,
                    context.stopIndex >= context.startIndex
                {
                    server.sqlRange = Int(context.startIndex)..<Int(context.stopIndex) + 1
                    server.fragment = context.fragment
                }
            }
        }
        if error.code != .internalError && error.code != .unknown && server.errorClass == nil && info == nil {
            server.message = "\(name) failed (\(error.code)): \(error.message)"
        }
        return .server(server)
    }

    private func errorDetails(_ errorID: String) async throws -> Spark_Connect_FetchErrorDetailsResponse {
        var request = sessionRequest(Spark_Connect_FetchErrorDetailsRequest.self)
        request.errorID = errorID
        return try await service.fetchErrorDetails(request, options: unaryOptions)
    }
}
