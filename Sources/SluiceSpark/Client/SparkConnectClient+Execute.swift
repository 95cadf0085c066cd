import Foundation
import GRPCCore
import SluiceCore

extension SparkConnectClient {
    /// A plan's result: its schema and the batches Spark sent, in order.
    public struct Result: Sendable {
        public var schema: Schema
        public var batches: [RecordBatch]
        /// How often the stream broke off (the server ends a stream after a time or size) and was
        /// reattached.
        public var reattachments: Int
        public var rowCount: Int { batches.reduce(0) { $0 + $1.numRows } }
    }

    /// Runs `plan` and collects its result. A stream that breaks off before Spark's ResultComplete
    /// is reattached after the last response received; the server's buffered responses are
    /// released at the end.
    public func execute(_ plan: SparkPlan, tags: [String] = []) async throws -> Result {
        let operationID = UUID().uuidString.lowercased()
        var request = sessionRequest(Spark_Connect_ExecutePlanRequest.self)
        request.operationID = operationID
        request.plan = plan.proto
        request.tags = tags
        var reattachable = Spark_Connect_ExecutePlanRequest.RequestOption()
        reattachable.reattachOptions.reattachable = true
        request.requestOptions = [reattachable]

        let sent = request
        let progress = SparkExecutionProgress()
        // Sent again only while no response came back; a stream that broke off later is reattached.
        let nothingReceived = { progress.snapshot.lastResponseID == nil }
        do {
            try await call("ExecutePlan", mayRetry: nothingReceived) {
                try await self.service.executePlan(sent, options: self.streamingOptions) { response in
                    for try await message in response.messages { try progress.receive(message) }
                }
            }
        } catch SparkError.unreachable(_, _, _) where progress.snapshot.lastResponseID != nil {}
        var reattaches = 0
        while !progress.snapshot.complete {
            reattaches += 1
            guard reattaches <= 100 else {
                throw SparkError.protocolViolation("operation \(operationID) never completed after 100 reattaches")
            }
            var reattach = sessionRequest(Spark_Connect_ReattachExecuteRequest.self)
            reattach.operationID = operationID
            let resumeAfter = progress.snapshot.lastResponseID
            if let resumeAfter { reattach.lastResponseID = resumeAfter }
            let resume = reattach
            // The same request may be sent again only while it brought nothing: once responses
            // came, a broken stream is resumed after the newest of them, by the next reattach.
            let progressed = { progress.snapshot.lastResponseID != resumeAfter }
            let nothingNew = { !progressed() }
            do {
                try await call("ReattachExecute", mayRetry: nothingNew) {
                    try await self.service.reattachExecute(resume, options: self.streamingOptions) { response in
                        for try await message in response.messages { try progress.receive(message) }
                    }
                }
            } catch SparkError.unreachable(_, _, _) where progressed() {}
        }
        await release(operationID)
        let state = progress.snapshot
        // A command (a view, a write) has no rows and may send no schema.
        let isCommand: Bool
        if case .command? = plan.proto.opType { isCommand = true } else { isCommand = false }
        guard let schema = state.schema ?? (isCommand ? Schema([]) : nil) else {
            throw state.schemaProblem ?? .protocolViolation("operation \(operationID) completed without a schema")
        }
        return Result(schema: schema, batches: state.batches, reattachments: reattaches)
    }

    /// Lets the server drop what it kept of a finished execution; failures only cost server memory
    /// until its own timeout, so they are ignored.
    private func release(_ operationID: String) async {
        var request = sessionRequest(Spark_Connect_ReleaseExecuteRequest.self)
        request.operationID = operationID
        request.releaseAll = .init()
        _ = try? await service.releaseExecute(request, options: unaryOptions)
    }
}
