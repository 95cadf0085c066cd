import SluiceCore
import Testing

@testable import SluiceSQL

/// The single-column group index numbers groups in order of first appearance whether it indexes keys
/// directly (dense ranges, widened as keys arrive) or hashes them (after a batch too wide for that).
@Suite struct FixedWidthGroupIndexTests {
    /// Group numbers as a dictionary from key to first-appearance number gives them.
    static func expectedNumbers(_ batches: [[Int64?]]) -> [[Int]] {
        var groups: [Int64?: Int] = [:]
        return batches.map { batch in
            batch.map { key in
                if let group = groups[key] { return group }
                groups[key] = groups.count
                return groups.count - 1
            }
        }
    }

    static func numbers(_ batches: [[Int64?]]) throws -> [[Int]] {
        var index = FixedWidthGroupIndex()
        var starts = 0
        let numbers = try batches.map { batch in
            let column = Int64Array(batch)
            let bits = try #require(FixedWidthGroupIndex.keyBits(column))
            return index.groupNumbers(bits, validity: column.validity) { _ in starts += 1 }
        }
        #expect(index.count == starts)
        return numbers
    }

    @Test(arguments: [
        "rising", "rising by threes", "falling", "cyclic", "wide from the start", "dense then an outlier",
        "nulls and negatives",
        "random dense", "random wide",
    ])
    func numbersMatchFirstAppearance(pattern: String) throws {
        var random = SplitMix64(seed: 7)
        let batches: [[Int64?]] =
            switch pattern {
            case "rising": (0..<40).map { batch in (0..<5000).map { Int64(batch * 5000 + $0) } }
            case "rising by threes": (0..<20).map { batch in (0..<60_000).map { Int64((batch * 60_000 + $0) * 3) } }
            case "falling": (0..<40).map { batch in (0..<5000).map { Int64(1_000_000 - batch * 5000 - $0) } }
            case "cyclic": (0..<30).map { batch in (0..<7000).map { Int64((batch * 7000 + $0) % 50_000) } }
            case "wide from the start": [[1, 1 << 40, 5, 1 << 40], [5, 7, 1]]
            case "dense then an outlier": [[10, 11, 12, 10], [13, 11], [Int64.max, 12, 14], [Int64.max, 15]]
            case "nulls and negatives": [[nil, 3, nil, 4], [-1, 3, nil], [4, -1, 5]]
            case "random dense":
                (0..<10).map { _ in (0..<3000).map { _ in Int64.random(in: 0..<2000, using: &random) } }
            default:
                (0..<10).map { _ in (0..<3000).map { _ in Int64.random(in: 0..<(1 << 40), using: &random) } }
            }
        #expect(try Self.numbers(batches) == Self.expectedNumbers(batches))
    }
}
