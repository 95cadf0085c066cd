import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct HashingTests {
    @Test func equalKeysHashEqually() throws {
        let names: StringArray = ["a", "é", nil, "a", nil, "long string over eight bytes", "a"]
        let ids: Int64Array = [1, 2, 3, 1, 3, 9, 2]
        let hashes = try hashRows([names, ids])
        #expect(hashes[0] == hashes[3])
        #expect(hashes[2] == hashes[4])
        #expect(hashes[0] != hashes[6])
        #expect(Set(hashes).count == 5)
        // Slices hash by value, not by position.
        let sliced = try hashRows([names.slice(3..<7), ids.slice(3..<7)])
        #expect(sliced[0] == hashes[0])
        #expect(try hashRows([]) == [])
    }

    @Test func nullsAndEmptyStringsDiffer() throws {
        let hashes = try hashRows([StringArray(["", nil]), Int64Array([0, 0])])
        #expect(hashes[0] != hashes[1])
        let withNullInt = try hashRows([Int64Array([0, nil])])
        #expect(withNullInt[0] != withNullInt[1])
    }

    @Test func floatsHashAsSparkGroupsThem() throws {
        let hashes = try hashRows([
            Float64Array([0.0, -0.0, .nan, -.nan, Double(bitPattern: 0x7FF8_0000_0000_0001), 1])
        ])
        #expect(hashes[0] == hashes[1])
        #expect(hashes[2] == hashes[3] && hashes[3] == hashes[4])
        #expect(hashes[0] != hashes[5])
        let equality = try RowEquality(
            left: [Float64Array([0.0, .nan])], right: [Float64Array([-0.0, .nan])], nullsEqual: true)
        #expect(equality.equal(0, 0) && equality.equal(1, 1) && !equality.equal(0, 1))
    }

    @Test func rowEqualityAcrossColumnSets() throws {
        let left: [any ColumnArray] = [StringArray(["x", nil, "y"]), Int32Array([1, 2, nil])]
        let right: [any ColumnArray] = [StringArray(["y", nil, "x"]), Int32Array([nil, 2, 1])]
        let grouping = try RowEquality(left: left, right: right, nullsEqual: true)
        #expect(grouping.equal(0, 2))
        #expect(grouping.equal(1, 1))
        #expect(grouping.equal(2, 0))
        #expect(!grouping.equal(0, 0))
        let joining = try RowEquality(left: left, right: right, nullsEqual: false)
        #expect(joining.equal(0, 2))
        #expect(!joining.equal(1, 1))
        #expect(throws: ComputeError.self) {
            try RowEquality(left: [Int32Array([1])], right: [Int64Array([1])], nullsEqual: true)
        }
    }
}
