import Foundation
import SluiceCore
import SluiceTestSupport
import Testing

@testable import SluiceArrow
@testable import SluiceSpark

/// What an execution keeps from its responses, fed Arrow batches pyarrow wrote as Spark sends them:
/// a stream of its own per response.
@Suite("Spark execution progress")
struct SparkExecutionProgressTests {
    /// A stream of one 1,000-row batch (bigint, string), as pyarrow writes it; nil without the venv.
    private static func arrowStream() async throws -> Data? {
        guard let python = TestVenv.python else {
            print("skipping: no .venv with pyarrow (run scripts/python-env)")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-\(UUID().uuidString).arrows")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, pyarrow as pa
            table = pa.table({"id": pa.array(range(1000), pa.int64()), "label": [f"row {i}" for i in range(1000)]})
            with pa.OSFile(sys.argv[1], "wb") as sink, pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
            """
        let result = try await ChildProcess.run(python, ["-c", script, file.path])
        try #require(result.status == 0, "\(result.stderr)")
        return try Data(contentsOf: file)
    }

    private static func response(_ id: String, arrow: Data) -> Spark_Connect_ExecutePlanResponse {
        var response = Spark_Connect_ExecutePlanResponse()
        response.responseID = id
        var batch = Spark_Connect_ExecutePlanResponse.ArrowBatch()
        batch.data = arrow
        response.arrowBatch = batch
        return response
    }

    @Test("each batch after the first reuses the decoded schema; rows add up")
    func reusedSchema() async throws {
        guard let stream = try await Self.arrowStream() else { return }
        let progress = SparkExecutionProgress()
        try progress.receive(Self.response("r-1", arrow: stream))
        let first = try #require(progress.snapshot.arrowSchema)
        // A copy of the bytes, as the next message would bring them.
        try progress.receive(Self.response("r-2", arrow: Data(Array(stream))))
        let state = progress.snapshot
        #expect(state.rows == 2_000 && state.batches.count == 2 && state.arrowBatchesReceived == 2)
        #expect(state.arrowSchema?.metadata.sharesStorage(with: first.metadata) == true)
        #expect(state.schema?.fields.map(\.name) == ["id", "label"])
        #expect(state.lastResponseID == "r-2")
    }

    @Test("a batch that fails to decode is reported with its number and response id")
    func damagedBatch() async throws {
        guard let stream = try await Self.arrowStream() else { return }
        let progress = SparkExecutionProgress()
        try progress.receive(Self.response("r-1", arrow: stream))
        let error = #expect(throws: SparkError.self) {
            try progress.receive(Self.response("r-2", arrow: stream.prefix(stream.count - 100)))
        }
        let text = error?.description ?? ""
        #expect(text.contains("Arrow batch 2 of the result (response r-2)"), "\(text)")
        #expect(progress.snapshot.rows == 1_000)
    }
}
