import Foundation
import SluiceSpark
import SluiceTestSupport
import Testing

@Suite("Spark Connect connection strings")
struct SparkConnectURLTests {
    @Test("host, port and parameters as Spark's clients read them")
    func parses() throws {
        let plain = try SparkConnectURL("sc://spark.example.com")
        #expect(plain.host == "spark.example.com")
        #expect(plain.port == 15_002)
        #expect(!plain.useTLS)
        #expect(plain.description == "sc://spark.example.com:15002")

        let full = try SparkConnectURL(
            "sc://10.0.0.5:443/;token=s3cret;user_id=etl;user_agent=airflow;session_id=0E7B2C1A-5B5C-4F3E-9C1D-2A3B4C5D6E7F"
        )
        #expect(full.port == 443)
        #expect(full.token == "s3cret")
        #expect(full.useTLS)
        #expect(full.userID == "etl")
        #expect(full.userAgent == "airflow")
        #expect(full.sessionID == "0e7b2c1a-5b5c-4f3e-9c1d-2a3b4c5d6e7f")
        #expect(!full.description.contains("s3cret"))

        let ipv6 = try SparkConnectURL("sc://[::1]:15003/;use_ssl=true")
        #expect(ipv6.host == "::1")
        #expect(ipv6.port == 15_003)
        #expect(ipv6.useTLS)
    }

    @Test(
        "malformed strings are refused with the reason, never quoting a token",
        arguments: [
            ("http://host:15002", "sc://"), ("sc://", "no host"), ("sc://host:0", "port"), ("sc://host:x", "port"),
            ("sc://host/path", "path"), ("sc://host/;token", "key=value"),
            ("sc://host/;colour=red", "unknown parameter"),
            ("sc://host/;token=abc;use_ssl=false", "needs TLS"), ("sc://host/;use_ssl=maybe", "true or false"),
        ])
    func refuses(text: String, reason: String) {
        #expect {
            try SparkConnectURL(text)
        } throws: { error in
            let description = "\(error)"
            return description.contains(reason) && !description.contains("abc")
        }
    }
}

@Suite("Sluice's Spark Connect protos")
struct SparkProtoTests {
    @Test("every message, field, enum and method of Sluice's subset is Spark's own, as pyspark has them")
    func matchPyspark() async throws {
        guard let python = TestVenv.python, FileManager.default.isExecutableFile(atPath: "/usr/bin/protoc") else {
            print("skipping: needs .venv with pyspark (scripts/python-env) and protoc (scripts/install-deps)")
            return
        }
        let script = TestVenv.repositoryRoot.appendingPathComponent("scripts/check-spark-protos")
        let check = try await ChildProcess.run(python, [script.path, "--python", python.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("no mismatches"), "\(check.stdout)")
    }
}
