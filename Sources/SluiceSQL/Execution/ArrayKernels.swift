import SluiceCompute
import SluiceCore

/// Kernels of the array functions: each row's list is a range of the list column's values.
enum ArrayKernels {
    static func run(_ function: ScalarFunction, _ arguments: KernelArguments) throws -> any ColumnArray {
        let lists = try arguments.column(0, as: ListArray.self)
        switch function {
        case .sortArray:
            guard case .boolean(let ascending)? = try Scalar(arguments.array(1), at: 0).payload else {
                throw ComputeError(.unsupported, "sort_array needs a constant direction")
            }
            var order: [Int] = []
            order.reserveCapacity(lists.values.count)
            for row in 0..<lists.count where lists.isValid(row) {
                let range = lists.valueRange(at: row)
                let elements = lists.values.slice(range)
                let sorted = try sortIndices([SortKey(elements, ascending: ascending, nullsFirst: ascending)])
                order += sorted.map { range.lowerBound + $0 }
            }
            let lengths = (0..<lists.count).map { lists.isValid($0) ? lists.valueRange(at: $0).count : 0 }
            return try ListArray(
                elementField: lists.elementField, offsets: OffsetBuffer(lengths: lengths),
                values: take(lists.values, order), validity: lists.validity)
        case .size:
            return Int32Array(
                (0..<lists.count).map { lists.isValid($0) ? Int32(lists.valueRange(at: $0).count) : nil })
        case .arrayContains:
            let wanted = try arguments.array(1)
            return try BooleanArray(
                (0..<lists.count).map { row -> Bool? in
                    guard lists.isValid(row), wanted.isValid(row) else { return nil }
                    let range = lists.valueRange(at: row)
                    let elements = lists.values.slice(range)
                    let probe = try concatenate([elements, wanted.slice(row..<(row + 1))])
                    let equality = try RowEquality(left: [probe], right: [probe], nullsEqual: false)
                    var sawNull = false
                    for index in 0..<range.count {
                        if elements.isNull(index) {
                            sawNull = true
                        } else if equality.equal(index, range.count) {
                            return true
                        }
                    }
                    return sawNull ? nil : false
                })
        default:
            throw ComputeError(.unsupported, "\(function.rawValue) is not an array function")
        }
    }
}
