import Testing

@testable import SluiceJobs

@Suite("Task ordering")
struct TaskGraphTests {
    @Test("dependencies first, declaration order between independent tasks")
    func order() {
        let tasks: [(name: String, after: [String])] = [
            ("save", ["prepare"]), ("prepare", []), ("audit", []), ("notify", ["save", "audit"]),
        ]
        #expect(TaskGraph.order(tasks) == .success(["prepare", "save", "audit", "notify"]))
    }

    @Test("a cycle is reported with its path")
    func cycle() {
        let tasks: [(name: String, after: [String])] = [("a", ["b"]), ("b", ["c"]), ("c", ["a"]), ("d", [])]
        #expect(TaskGraph.order(tasks) == .failure(.cycle(["a", "b", "c", "a"])))
    }

    @Test("a long chain declared backwards")
    func longChain() {
        let tasks = (0..<500).reversed().map { (name: "t\($0)", after: $0 == 0 ? [] : ["t\($0 - 1)"]) }
        #expect(TaskGraph.order(tasks) == .success((0..<500).map { "t\($0)" }))
    }
}
