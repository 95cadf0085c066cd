import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `sluice serve` over a real socket: the demo project's `user_scores`, looked up one key at a
/// time and in batches, with and without a bearer token, and the metrics those requests move.
@Suite("sluice serve", .serialized)
struct ServeTests {
    @Test("answers rows, batches in request order, 404 for missing keys and unserved tables, 400 for bad bodies")
    func lookups() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let server = try await ServeProcess.start(project: try Self.demoProject(in: scratch), scratch: scratch)
        defer { server.stop() }

        let health = try server.request("GET", "/health")
        #expect(health.status == 200)
        #expect(health.body == "ok")

        let one = try server.request("GET", "/v1/user_scores/1")
        #expect(one.status == 200, "\(one.body)")
        let row = try #require(try one.jsonObject())
        #expect(row["user_id"] as? Int == 1)
        #expect(Set(row.keys) == ["user_id", "score", "events", "updated_at"])
        #expect(one.body.hasPrefix("{\"user_id\":1,\"score\":"))

        let missing = try server.request("GET", "/v1/user_scores/987654321")
        #expect(missing.status == 404)
        #expect(try missing.jsonObject()?["error"] as? String == "user_scores has no row for key 987654321")

        // The pointer table lives in the same store; it is not a serving table and must not leak.
        for path in ["/v1/sluice_pointers/user_scores", "/v1/user_scores_1/1", "/v1/nope/1"] {
            let unserved = try server.request("GET", path)
            #expect(unserved.status == 404, "\(path)")
            #expect((try unserved.jsonObject()?["error"] as? String)?.hasPrefix("no serving table named") == true)
        }

        let batch = try server.request("POST", "/v1/user_scores/_batch", body: #"{"keys": ["3", 987654321, 1, [2]]}"#)
        #expect(batch.status == 200, "\(batch.body)")
        let answer = try #require(try batch.jsonObject())
        #expect(answer["version"] as? Int == 2)
        let rows = try #require(answer["rows"] as? [Any])
        try #require(rows.count == 4)
        #expect((rows[0] as? [String: Any])?["user_id"] as? Int == 3)
        #expect(rows[1] is NSNull)
        #expect((rows[2] as? [String: Any])?["user_id"] as? Int == 1)
        #expect((rows[3] as? [String: Any])?["user_id"] as? Int == 2)
        // A batch row is the same object a single lookup answers.
        #expect(batch.body.contains(one.body.trimmingCharacters(in: .newlines)))

        for body in [#"{"keys": ["1"]"#, #"{"key": ["1"]}"#, #"{"keys": [true]}"#, #"["1"]"#, #"{"keys": [[1, 2]]}"#] {
            let bad = try server.request("POST", "/v1/user_scores/_batch", body: body)
            #expect(bad.status == 400, "\(body): \(bad.body)")
            #expect(!((try bad.jsonObject()?["error"] as? String) ?? "").isEmpty, "\(body): \(bad.body)")
        }
        let tooMany = "{\"keys\": [" + Array(repeating: "1", count: 1001).joined(separator: ",") + "]}"
        let refused = try server.request("POST", "/v1/user_scores/_batch", body: tooMany)
        #expect(refused.status == 400)
        #expect(try refused.jsonObject()?["error"] as? String == "1001 keys in one batch; at most 1000")
        let tooLarge = try server.request(
            "POST", "/v1/user_scores/_batch", body: String(repeating: " ", count: 3 << 20))
        #expect(tooLarge.status == 413)
        #expect(try tooLarge.jsonObject()?["error"] as? String == "the body is larger than 2097152 bytes")
        let unservedBatch = try server.request("POST", "/v1/sluice_pointers/_batch", body: #"{"keys": ["1"]}"#)
        #expect(unservedBatch.status == 404)

        let metrics = try server.metrics()
        // Found: 1 (single) + 3 (batch); missing: 1 (single) + 1 (batch).
        #expect(metrics[#"sluice_lookups_total{table="user_scores",outcome="found"}"#] == 4)
        #expect(metrics[#"sluice_lookups_total{table="user_scores",outcome="missing"}"#] == 2)
        #expect(metrics["sluice_bad_requests_total"] == 7)
        #expect(metrics["sluice_unauthorized_total"] == 0)
        // Four requests reached the reader: two single lookups, the batch, and the two-part key the
        // store refused.
        #expect(metrics["sluice_lookup_seconds_count"] == 4)
        #expect(metrics[#"sluice_lookup_seconds_bucket{le="+Inf"}"#] == 4)
        let refreshes = try #require(metrics[#"sluice_pointer_refreshes_total{table="user_scores"}"#])
        let hits = try #require(metrics[#"sluice_pointer_cache_hits_total{table="user_scores"}"#])
        #expect(refreshes >= 1)
        #expect(refreshes + hits == 4)
    }

    @Test("with --token-env, /v1 needs the bearer token; /health and /metrics stay open")
    func bearerToken() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let project = try await Self.demoProject(in: scratch)
        let token = "t0ken-\(UUID().uuidString)"
        let server = try ServeProcess.start(
            project: project, scratch: scratch, arguments: ["--token-env", "SLUICE_TEST_TOKEN"],
            environment: ["SLUICE_TEST_TOKEN": token])
        defer { server.stop() }

        let anonymous = try server.request("GET", "/v1/user_scores/1")
        #expect(anonymous.status == 401)
        #expect(try anonymous.jsonObject()?["error"] as? String == "missing or wrong bearer token")
        #expect(try server.request("GET", "/v1/user_scores/1", token: "wrong").status == 401)
        #expect(try server.request("POST", "/v1/user_scores/_batch", body: #"{"keys":[1]}"#).status == 401)
        let allowed = try server.request("GET", "/v1/user_scores/1", token: token)
        #expect(allowed.status == 200, "\(allowed.body)")
        #expect(try allowed.jsonObject()?["user_id"] as? Int == 1)
        #expect(try server.request("GET", "/health").status == 200)

        let metrics = try server.metrics()
        #expect(metrics["sluice_unauthorized_total"] == 3)
        #expect(metrics[#"sluice_lookups_total{table="user_scores",outcome="found"}"#] == 1)
        let log = try scratch.read("serve.stderr")
        #expect(!log.contains(token), "\(log)")
    }

    @Test("--token-env naming an unset variable stops before serving, with exit 2")
    func unsetToken() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let project = try await Self.demoProject(in: scratch)
        let serve = try await SluiceBinary.run(
            ["serve", "--project", project.path, "--port", "0", "--token-env", "SLUICE_TEST_UNSET_TOKEN"],
            in: scratch.url, environment: ["SLUICE_TEST_UNSET_TOKEN": ""])
        #expect(serve.status == 2)
        #expect(serve.stdout.isEmpty)
        #expect(serve.stderr.contains("SLUICE_TEST_UNSET_TOKEN"), "\(serve.stderr)")
        #expect(serve.stderr.contains("unset or empty"), "\(serve.stderr)")
    }

    /// A demo project: `user_scores` loaded twice, keys 1, 2 and 3 present.
    static func demoProject(in scratch: ScratchFolder) async throws -> URL {
        let folder = scratch.url.appendingPathComponent("demo")
        let demo = try await SluiceBinary.run(["demo", "--directory", folder.path], in: scratch.url)
        try #require(demo.status == 0, "\(demo.stderr)")
        return folder
    }
}
