import Foundation
import Logging
import SluiceCore
import SluiceServing
import SluiceStorage

/// `sluice demo`: the example project end to end on the embedded defaults — sample lake, job1
/// for two dates, lookups from both loads.
public enum Demo {
    public static let dates = ["2026-11-20", "2026-11-21"]
    /// Users the demo looks up after each load.
    static let sampleKeys = ["1", "2", "3"]

    public static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sluice-demo-\(UUID().uuidString.prefix(8))")
    }

    /// Writes the sample users and the events of `dates` into the project's `lake` connection.
    public static func writeSampleLake(in session: ProjectSession) async throws {
        let lake = try await session.connections.objectStore(named: "lake")
        try await SampleLake().write(into: lake, dates: try dates.map { try LogicalDate(parsing: $0) })
    }

    /// Runs the demo in `folder` and returns the first failure, if any.
    public static func run(in folder: URL, logger: Logger, print: (String) -> Void) async throws -> TaskFailure? {
        print("Sluice demo in \(folder.path)")
        _ = try ProjectScaffold.write(to: folder, force: true)
        let dates = try Self.dates.map { try LogicalDate(parsing: $0) }
        return try await ProjectSession.with(at: folder, logger: logger) { session in
            print("writing the sample lake (users, events for \(Self.dates.joined(separator: " and ")))")
            try await writeSampleLake(in: session)
            let store = try await session.connections.servingStore(named: "serving")
            let reader = ServingReader(store: store, table: "user_scores", pointerTTL: .zero)
            for date in dates {
                let report = try await session.runner.run(job: "job1", task: nil, date: date)
                print(RunReportText.summary(report))
                if let failure = report.failure { return failure }
                let lookup = try await reader.getMany(Self.sampleKeys.map { [$0] })
                print("lookups in user_scores after \(date.ds) (\(lookup.physicalTable), version \(lookup.version)):")
                for (index, key) in Self.sampleKeys.enumerated() {
                    print("  user_id \(key): " + (lookup.jsonObject(at: index) ?? "not found"))
                }
            }
            return nil
        }
    }
}
