import Testing

@testable import SluiceCore

@Suite struct DictionaryArrayTests {
    let values = DictionaryValues(StringArray(["red", "green"]))

    @Test func rowsReadThroughTheirCodes() throws {
        let array = try DictionaryArray(codes: Int32Array([1, nil, 0, 1]), values: values)
        #expect(array.dataType == .string)
        #expect(array.count == 4)
        #expect(array.nullCount == 1)
        #expect(array.description == #"string ["green", null, "red", "green"]"#)
        #expect(array.isEqual(to: StringArray(["green", nil, "red", "green"])))
        #expect(!array.isEqual(to: StringArray(["green", nil, "red", "red"])))
        #expect(!array.isEqual(to: StringArray(["green", "red", "red", "green"])))
        let sliced = array.slice(2..<4)
        #expect(sliced.isEqual(to: StringArray(["red", "green"])))
        let recoded = try DictionaryArray(
            codes: Int32Array([0, nil, 1, 0]), values: DictionaryValues(StringArray(["green", "red"])))
        #expect(array.isEqual(to: recoded))
    }

    @Test func codesOutsideTheValuesAreRefused() throws {
        #expect(throws: ColumnarError.self) { try DictionaryArray(codes: Int32Array([0, 2]), values: values) }
        #expect(throws: ColumnarError.self) { try DictionaryArray(codes: Int32Array([-1]), values: values) }
        // A null row's code is never read.
        let nullCode = Int32Array(count: 1, validity: ValidityBitmap([false])) {
            $0[0] = 99
        }
        #expect(try DictionaryArray(codes: nullCode, values: values).isNull(0))
    }
}
