import SluiceCore
import Testing

@testable import SluiceCompute

/// Take, filter and concatenation on dictionary-encoded arrays move codes and keep the values
/// shared; decoding gives the plain array back.
@Suite struct DictionarySelectionTests {
    let values = DictionaryValues(StringArray(["north", "south", "east"]))

    func encoded(_ codes: [Int32?]) throws -> DictionaryArray {
        try DictionaryArray(codes: Int32Array(codes), values: values)
    }

    @Test func takeAndFilterMoveCodes() throws {
        let array = try encoded([2, 0, nil, 1, 0])
        let taken = try #require(try take(array, [4, -1, 2, 0, 3]) as? DictionaryArray)
        #expect(taken.values === values)
        #expect(try taken.decoded() as? StringArray == ["north", nil, nil, "east", "south"])
        let mask: BooleanArray = [true, false, true, nil, true]
        let filtered = try #require(try filter(array, by: mask) as? DictionaryArray)
        #expect(filtered.values === values)
        #expect(try filtered.decoded() as? StringArray == ["east", nil, "north"])
        #expect(filtered.isEqual(to: StringArray(["east", nil, "north"])))
        #expect(!filtered.isEqual(to: StringArray(["east", nil, "south"])))
    }

    @Test func concatenationKeepsOneDictionaryOrMergesThem() throws {
        let first = try encoded([0, 1])
        let second = try encoded([nil, 2])
        let same = try #require(try concatenate([first, second]) as? DictionaryArray)
        #expect(same.values === values)
        #expect(try same.decoded() as? StringArray == ["north", "south", nil, "east"])

        let other = try DictionaryArray(
            codes: Int32Array([1, 0, nil]), values: DictionaryValues(StringArray(["x", "y"])))
        let merged = try #require(try concatenate([first, other, second]) as? DictionaryArray)
        #expect(merged.values !== values)
        #expect(try merged.decoded() as? StringArray == ["north", "south", "y", "x", nil, nil, "east"])
    }

    @Test func decodingLeavesPlainArraysAlone() throws {
        let plain: StringArray = ["a", nil]
        #expect(try decodingDictionary(plain) as? StringArray == plain)
        #expect(try decodingDictionary(try encoded([1, nil, 1])) as? StringArray == ["south", nil, "south"])
    }
}
