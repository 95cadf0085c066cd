import Foundation
import SluiceCompute
import SluiceCore

/// approx_count_distinct: a HyperLogLog sketch per group over the 64-bit row hashes of the non-null
/// values. The register count follows Spark's rule for the relative standard deviation
/// (`p = ⌈2·log2(1.106 / rsd)⌉`, 512 registers for the default 0.05); small counts use linear
/// counting, so they come out exact or nearly so.
struct HyperLogLogAccumulator: Accumulator {
    private let precision: Int
    private var registers: [UInt8] = []

    init(relativeStandardDeviation: Double) {
        precision = max(4, min(16, Int((2 * log2(1.106 / relativeStandardDeviation)).rounded(.up))))
    }

    private var registerCount: Int { 1 << precision }

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        guard let values else { throw ComputeError(.unsupported, "approx_count_distinct needs an argument") }
        let needed = groupCount * registerCount
        registers.pad(to: needed, with: 0)
        let hashes = try hashRows([values])
        let suffixBits = 64 - precision
        for (row, group) in groups.enumerated() where values.isValid(row) {
            let hash = hashes[row]
            let register = Int(hash >> UInt64(suffixBits))
            // The rank of the first set bit among the remaining bits (a zero suffix counts as all zeros).
            let rest = hash << UInt64(precision)
            let rank = UInt8(min(rest.leadingZeroBitCount, suffixBits) + 1)
            let slot = group * registerCount + register
            if registers[slot] < rank { registers[slot] = rank }
        }
    }

    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        let other = try mergeable(other, as: Self.self)
        let needed = groupCount * registerCount
        registers.pad(to: needed, with: 0)
        for (group, target) in groups.enumerated() where (group + 1) * registerCount <= other.registers.count {
            for register in 0..<registerCount {
                let slot = target * registerCount + register
                registers[slot] = max(registers[slot], other.registers[group * registerCount + register])
            }
        }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        Int64Array((0..<groupCount).map { estimate(group: $0) })
    }

    private func estimate(group: Int) -> Int64? {
        let count = Double(registerCount)
        let start = group * registerCount
        guard start < registers.count else { return 0 }
        var sum = 0.0
        var zeros = 0
        for slot in start..<(start + registerCount) {
            let rank = registers[slot]
            sum += 1 / Double(UInt64(1) << UInt64(rank))
            if rank == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / count)
        var estimate = alpha * count * count / sum
        if estimate <= 2.5 * count, zeros > 0 {
            estimate = count * log(count / Double(zeros))
        }
        return Int64(estimate.rounded())
    }
}
