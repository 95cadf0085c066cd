import Foundation
import SluiceArrow
import SluiceCore
import Synchronization

/// What one execution has received so far, kept across the streams of a reattachable execution
/// (the first ExecutePlan, then each ReattachExecute after a stream broke off).
final class SparkExecutionProgress: Sendable {
    struct State {
        var schema: Schema?
        /// The last Arrow batch's decoded schema: each batch comes as a stream of its own, and the
        /// next one's reader skips decoding the same schema again.
        var arrowSchema: ArrowStreamSchema?
        /// Arrow batch messages received (the rows of one may be in several record batches).
        var arrowBatchesReceived = 0
        /// Why the schema Spark sent could not be read as a Sluice schema (a type Sluice does not
        /// map): reported if no Arrow batch brings a schema either.
        var schemaProblem: SparkError?
        var batches: [RecordBatch] = []
        var rows = 0
        /// The last response received: where a reattach resumes.
        var lastResponseID: String?
        var complete = false
        var serverSideSessionID: String?
    }

    private let state = Mutex(State())

    var snapshot: State { state.withLock { $0 } }

    /// Takes in one response: decodes its Arrow batches, notes where the stream got to.
    func receive(_ response: Spark_Connect_ExecutePlanResponse) throws {
        var decoded: (ArrowStreamSchema, [RecordBatch])?
        if case .arrowBatch(let arrow)? = response.responseType {
            let (earlier, received) = state.withLock { ($0.arrowSchema, $0.arrowBatchesReceived) }
            do {
                var reader = try ArrowIPCStreamReader(data: arrow.data, reusing: earlier)
                decoded = (reader.streamSchema, try reader.readAll())
            } catch {
                throw SparkError.protocolViolation(
                    "Arrow batch \(received + 1) of the result (response \(response.responseID)): \(error)")
            }
        }
        state.withLock { state in
            if !response.responseID.isEmpty { state.lastResponseID = response.responseID }
            if !response.serverSideSessionID.isEmpty { state.serverSideSessionID = response.serverSideSessionID }
            if let (arrowSchema, batches) = decoded {
                state.arrowSchema = arrowSchema
                state.arrowBatchesReceived += 1
                state.schema = state.schema ?? arrowSchema.schema
                state.batches += batches.filter { $0.numRows > 0 }
                state.rows += batches.reduce(0) { $0 + $1.numRows }
            }
            if state.schema == nil, response.hasSchema {
                do throws(SparkError) {
                    state.schema = try SparkDataTypes.schema(response.schema)
                } catch {
                    state.schemaProblem = error
                }
            }
            if case .resultComplete? = response.responseType { state.complete = true }
        }
    }
}
