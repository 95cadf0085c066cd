import Foundation
import SluiceSpark

/// The Spark Connect server `scripts/spark-connect` starts for the tests (`SLUICE_TEST_SPARK_REMOTE`).
enum SparkServer {
    static let remote = ProcessInfo.processInfo.environment["SLUICE_TEST_SPARK_REMOTE"]

    /// A client of the test server, or nil (and a note) when none runs.
    static func client() throws -> SparkConnectClient? {
        guard let remote else {
            print("skipping: no Spark Connect server (SLUICE_TEST_SPARK_REMOTE; scripts/test starts one)")
            return nil
        }
        return try SparkConnectClient(try SparkConnectURL(remote))
    }
}
