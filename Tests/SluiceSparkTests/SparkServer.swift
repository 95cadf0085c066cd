import Foundation
import SluiceSpark

/// The Spark Connect server `scripts/spark-connect` starts for the tests (`SLUICE_TEST_SPARK_REMOTE`).
enum SparkServer {
    static let remote = ProcessInfo.processInfo.environment["SLUICE_TEST_SPARK_REMOTE"]

    /// Unary calls may wait this long: synchronous child-process waits in other suites can hold the
    /// test runner's cooperative threads (two on a 2-core machine) for minutes, and the gRPC
    /// client's work waits for one (CI saw a 120 s deadline pass that way).
    static let retry = SparkRetryPolicy(callTimeout: .seconds(480))

    /// A client of the test server, or nil (and a note) when none runs.
    static func client() throws -> SparkConnectClient? {
        guard let remote else {
            print("skipping: no Spark Connect server (SLUICE_TEST_SPARK_REMOTE; scripts/test starts one)")
            return nil
        }
        return try SparkConnectClient(try SparkConnectURL(remote), retry: retry)
    }
}
