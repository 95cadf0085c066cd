import Foundation
import Testing

/// The example job with its lake on a real S3 server (SeaweedFS, started by scripts/test):
/// `sluice cp` uploads the sample lake, prepare reads parquet from s3:// and writes its result
/// there, save loads it, and readers get what the same job on a local lake gives.
@Suite(
    "A lake on S3 from the command line",
    .enabled(
        if: ProcessInfo.processInfo.environment["SLUICE_TEST_S3_ENDPOINT"] != nil,
        "no S3 test server: scripts/test starts SeaweedFS (scripts/s3-servers)"))
struct S3LakeCLITests {
    let environment = ProcessInfo.processInfo.environment
    var endpoint: String { environment["SLUICE_TEST_S3_ENDPOINT"] ?? "" }
    /// The AWS variables the commands read their keys from.
    var awsEnvironment: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": environment["SLUICE_TEST_S3_ACCESS_KEY"] ?? "",
            "AWS_SECRET_ACCESS_KEY": environment["SLUICE_TEST_S3_SECRET_KEY"] ?? "",
            "AWS_ENDPOINT_URL": endpoint, "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        ]
    }

    @Test("prepare reads from s3://, writes its result there with _SUCCESS last, save serves it")
    func exampleJobOnS3() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let local = scratch.url.appendingPathComponent("local")
        let demo = try await SluiceBinary.run(["demo", "--directory", local.path], in: scratch.url)
        #expect(demo.status == 0, "\(demo.stderr)")

        let bucket = "sluice-cli-\(UInt32.random(in: 0...UInt32.max))"
        let env = awsEnvironment
        func sluice(_ arguments: [String], in directory: URL? = nil) async throws -> SluiceBinary.Result {
            try await SluiceBinary.run(arguments, in: directory ?? scratch.url, environment: env)
        }
        await #expect(try sluice(["mb", "s3://\(bucket)"]).status == 0)
        // The inputs only: results come from the runs below.
        for folder in ["events", "users"] {
            let upload = try await sluice([
                "cp", "--recursive", local.appendingPathComponent("lake/\(folder)").path,
                "s3://\(bucket)/lake/\(folder)",
            ])
            #expect(upload.status == 0, "\(upload.stderr)")
            #expect(upload.stdout.hasPrefix("copied "))
        }
        let listing = try await sluice(["ls", "s3://\(bucket)/lake/"])
        #expect(listing.stdout.contains("PRE events/"), "\(listing.stdout)")
        #expect(listing.stdout.contains("PRE users/"))

        // The same jobs, with the lake in the bucket and a serving database of their own.
        let remote = scratch.url.appendingPathComponent("remote")
        try FileManager.default.createDirectory(at: remote, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: local.appendingPathComponent("jobs"), to: remote.appendingPathComponent("jobs"))
        try """
        project: s3demo
        connections:
          lake: { type: s3, bucket: \(bucket), prefix: lake/, endpoint: "${AWS_ENDPOINT_URL}", access_key_id: "${AWS_ACCESS_KEY_ID}", secret_access_key: "${AWS_SECRET_ACCESS_KEY}" }
          serving: { type: sqlite, path: ./serving.db }
        engine: { type: local }

        """.write(to: remote.appendingPathComponent("sluice.yaml"), atomically: true, encoding: .utf8)

        for date in ["2026-11-20", "2026-11-21"] {
            for task in ["prepare-data", "save-data"] {
                let run = try await sluice(["run", "job1", task, "--date", date], in: remote)
                #expect(run.status == 0, "\(task) \(date): \(run.stderr)")
            }
        }
        let results = try await sluice(["ls", "--recursive", "s3://\(bucket)/lake/results/job1/"])
        let resultLines = results.stdout.split(separator: "\n")
        #expect(resultLines.filter { $0.hasSuffix("/_SUCCESS") }.count == 2, "\(results.stdout)")
        #expect(resultLines.contains { $0.hasSuffix(".parquet") })

        let keys = ["1", "2", "3", "7", "42"]
        let expected = try await SluiceBinary.run(["get", "user_scores"] + keys, in: local)
        let actual = try await sluice(["get", "user_scores"] + keys, in: remote)
        #expect(actual.status == expected.status)
        #expect(!actual.stdout.isEmpty)
        #expect(actual.stdout == expected.stdout)

        let secret = env["AWS_SECRET_ACCESS_KEY"] ?? ""
        let wrong = try await SluiceBinary.run(
            ["ls", "s3://\(bucket)/lake/"], in: scratch.url,
            environment: env.merging(["AWS_SECRET_ACCESS_KEY": "not-the-secret"]) { _, new in new })
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("HTTP 403 SignatureDoesNotMatch"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("s3://\(bucket)"))
        #expect(!wrong.stderr.contains("not-the-secret"))
        #expect(!wrong.stderr.contains(secret))

        let presigned = try await sluice(["presign", "s3://\(bucket)/lake/users/part-0.parquet", "--expires", "15m"])
        #expect(presigned.status == 0)
        #expect(presigned.stdout.contains("X-Amz-Expires=900"))

        let download = scratch.url.appendingPathComponent("download")
        let back = try await sluice(["cp", "-r", "s3://\(bucket)/lake/users/", download.path + "/"])
        #expect(back.status == 0, "\(back.stderr)")
        let original = try FileManager.default.contentsOfDirectory(
            atPath: local.appendingPathComponent("lake/users").path)
        let copied = try FileManager.default.contentsOfDirectory(atPath: download.path)
        #expect(copied.sorted() == original.sorted())
    }
}
