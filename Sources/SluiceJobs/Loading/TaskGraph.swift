/// Orders a job's tasks so each runs after the tasks in its `after:` list.
enum TaskGraph {
    enum Failure: Error, Equatable {
        /// The names along one cycle, first name repeated at the end: `a -> b -> a`.
        case cycle([String])
    }

    /// Kahn's algorithm; between tasks that do not depend on each other, declaration order wins,
    /// so the order is stable and predictable.
    static func order(_ tasks: [(name: String, after: [String])]) -> Result<[String], Failure> {
        let names = tasks.map(\.name)
        var remaining = Dictionary(
            tasks.map { ($0.name, Set($0.after).intersection(names)) }, uniquingKeysWith: { a, _ in a })
        var ordered: [String] = []
        while ordered.count < names.count {
            guard let next = names.first(where: { remaining[$0]?.isEmpty == true }) else {
                return .failure(.cycle(findCycle(in: remaining)))
            }
            ordered.append(next)
            remaining[next] = nil
            for name in remaining.keys { remaining[name]?.remove(next) }
        }
        return .success(ordered)
    }

    /// Follows unmet dependencies from the first blocked task until a name repeats.
    private static func findCycle(in remaining: [String: Set<String>]) -> [String] {
        guard var current = remaining.keys.min() else { return [] }
        var path: [String] = []
        while !path.contains(current) {
            path.append(current)
            guard let next = remaining[current]?.min() else { return path }
            current = next
        }
        let start = path.firstIndex(of: current) ?? 0
        return Array(path[start...]) + [current]
    }
}
