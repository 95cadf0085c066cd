import SluiceCore

/// A dataset predicate split in two: the conditions on partition columns, decided per file from
/// its partition values, and the rest, handed to each file's reader for row-group pruning.
struct PartitionConditions {
    /// The conditions on partition columns: the column's index and the test.
    let tests: [(partition: Int, test: ConditionTest)]
    /// The conditions on file columns, or nil when there are none.
    let filePredicate: ParquetPredicate?

    /// - Throws: `ParquetPredicateError` for a column that is neither a file nor a partition column, or
    ///   a literal a partition column's type cannot be compared with.
    init(predicate: ParquetPredicate?, fileSchema: Schema, partitionFields: [Field], dataset: String)
        throws(ParquetPredicateError)
    {
        var tests: [(partition: Int, test: ConditionTest)] = []
        var fileConditions: [ParquetPredicate] = []
        for condition in predicate?.conjuncts ?? [] {
            let column = condition.column ?? ""
            if let index = partitionFields.firstIndex(where: { $0.name == column }) {
                do throws(ParquetPredicateError) {
                    tests.append((index, try ConditionTest(condition, dataType: partitionFields[index].dataType)))
                } catch {
                    var named = error
                    named.file = dataset
                    throw named
                }
            } else if fileSchema.index(of: column) != nil {
                fileConditions.append(condition)
            } else {
                let known = fileSchema.fields.map(\.name) + partitionFields.map(\.name)
                throw ParquetPredicateError(
                    column: column, "no such column; the dataset has: \(known.joined(separator: ", "))",
                    file: dataset)
            }
        }
        self.tests = tests
        self.filePredicate = fileConditions.isEmpty ? nil : .and(fileConditions)
    }

    /// Whether `file`'s partition values allow a matching row.
    func mayMatch(_ file: DatasetFile) -> Bool {
        tests.allSatisfy { partition, test in
            let value = file.partitionValues[partition]
            // One file holds one value of the column, or only nulls.
            let bounds = ValueBounds(
                min: value?.orderedValue, max: value?.orderedValue, nullCount: value == nil ? 1 : 0, rowCount: 1)
            return bounds.verdict(test) == .mayMatch
        }
    }
}
