import Foundation
import SluiceCore
import SluiceParquet
import SluiceStorage
import Testing

@testable import SluiceJobs

/// The example lake is real parquet: written by `SampleLake`, read back as a Hive dataset.
struct SampleLakeTests {
    @Test func writesUsersAndOnePartitionPerDayThatReadBackEqual() async throws {
        let project = try TestProject()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let store = LocalObjectStore(root: project.root)
        let lake = SampleLake(userCount: 50, eventsPerDay: 300)
        let dates = try ["2026-11-20", "2026-11-21"].map { try LogicalDate(parsing: $0) }
        try await lake.write(into: store, dates: dates)

        let keys = try await store.listAll(prefix: "").objects.map(\.key)
        #expect(
            keys == [
                "events/dt=2026-11-20/part-00000.parquet", "events/dt=2026-11-21/part-00000.parquet",
                "users/part-00000.parquet",
            ])

        let users = try await ParquetDataset.open(store: store, prefix: "users/")
        #expect(users.schema.fields == SampleLake.usersSchema.fields)
        var userRows = 0
        for try await batch in users.batches() { userRows += batch.numRows }
        #expect(userRows == 50)

        let events = try await ParquetDataset.open(store: store, prefix: "events/")
        #expect(events.schema.fields.map(\.name) == SampleLake.eventsSchema.fields.map(\.name) + ["dt"])
        var rendered: [String] = []
        for try await batch in events.batches() {
            rendered.append(RecordBatchJSONLines.render(batch))
        }
        let expected = try dates.map { date in
            RecordBatchJSONLines.render(try lake.events(on: date)).split(separator: "\n").map {
                "\($0.dropLast()),\"dt\":\"\(date.ds)\"}"
            }.joined(separator: "\n") + "\n"
        }
        #expect(rendered == expected)
    }
}
