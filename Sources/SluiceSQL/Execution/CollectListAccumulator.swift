import SluiceCompute
import SluiceCore

/// collect_list (and collect_set, which sees each value once per group): the non-null values in
/// input order with the group of each, put into one list per group at the end. A group without
/// values gets an empty list, as in Spark.
struct CollectListAccumulator: Accumulator {
    let elementField: Field
    private var chunks: [any ColumnArray] = []
    /// The group of each collected value, in collection order.
    private var owners: [Int] = []

    init(elementType: DataType) {
        elementField = Field("element", elementType, nullable: false)
    }

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        guard let values else { throw ComputeError(.unsupported, "collect_list needs an argument") }
        let rows = groups.indices.filter { values.isValid($0) }
        guard !rows.isEmpty else { return }
        chunks.append(try take(values, rows))
        owners += rows.map { groups[$0] }
    }

    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        let other = try mergeable(other, as: Self.self)
        chunks += other.chunks
        owners += other.owners.map { groups[$0] }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        // A stable counting sort of the values by group keeps each group's values in input order.
        var lengths = [Int](repeating: 0, count: groupCount)
        for group in owners { lengths[group] += 1 }
        var starts = [Int](repeating: 0, count: groupCount)
        var total = 0
        for group in 0..<groupCount {
            starts[group] = total
            total += lengths[group]
        }
        var order = [Int](repeating: 0, count: owners.count)
        for (index, group) in owners.enumerated() {
            order[starts[group]] = index
            starts[group] += 1
        }
        let all =
            chunks.isEmpty ? try Scalar.null(elementField.dataType).makeArray(count: 0) : try concatenate(chunks)
        return try ListArray(
            elementField: elementField, offsets: OffsetBuffer(lengths: lengths), values: take(all, order))
    }
}
