import SluiceCompute
import SluiceCore

/// Dictionary-encodes a string or binary column whose values repeat, as a dimension table's region or
/// category does. A join that gathers such a column for every fact row then moves 4-byte codes, and a
/// GROUP BY above it groups on the codes (`GroupTable`).
enum DictionaryEncoding {
    /// `column` as a `DictionaryArray` when it holds strings or bytes and at most one distinct value
    /// per two rows; nil otherwise (a dictionary of mostly unique values saves nothing).
    static func encode(_ column: any ColumnArray) throws -> DictionaryArray? {
        guard column.dataType == .string || column.dataType == .binary, column.count >= 2,
            column.count < Int(Int32.max)
        else { return nil }
        var table = GroupTable()
        let numbers = try table.groupNumbers(for: [column])
        guard 2 * table.count <= column.count, let values = try table.keyColumns().first else { return nil }
        // Null rows keep a null code; their group's (null) value is never read.
        let codes = Int32Array(count: numbers.count, validity: column.validity) { target in
            for row in target.indices { target[row] = Int32(truncatingIfNeeded: numbers[row]) }
        }
        return DictionaryArray(unchecked: codes, values: DictionaryValues(values))
    }
}
