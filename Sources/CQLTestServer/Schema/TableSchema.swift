import Foundation
import SluiceCQL

/// A table's columns in `SELECT *` order: partition key, clustering key, then the others by name,
/// as Cassandra orders them.
struct TableSchema: Sendable {
    var keyspace: String
    var name: String
    var id: UUID
    var columns: [ColumnDefinition]
    let partitionKey: [Int]
    let clusteringKey: [Int]
    private let indexByName: [String: Int]

    init(keyspace: String, name: String, columns unordered: [ColumnDefinition]) {
        let keys = unordered.filter { $0.kind == .partitionKey }.sorted { $0.position < $1.position }
        let clustering = unordered.filter { $0.kind == .clustering }.sorted { $0.position < $1.position }
        let others = unordered.filter { $0.kind == .regular || $0.kind == .staticColumn }.sorted { $0.name < $1.name }
        self.keyspace = keyspace
        self.name = name
        id = UUID.nameBased("table \(keyspace).\(name)")
        columns = keys + clustering + others
        partitionKey = Array(0..<keys.count)
        clusteringKey = Array(keys.count..<keys.count + clustering.count)
        indexByName = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
    }

    func index(of column: String) -> Int? { indexByName[column] }

    /// The column's index, or an Invalid error naming it.
    func require(_ column: String) throws(CQLServerError) -> Int {
        guard let index = indexByName[column] else {
            throw CQLServerError(
                code: CQLServerError.Code.invalid,
                message: "Undefined column name \(column) in table \(keyspace).\(name)")
        }
        return index
    }

    func spec(_ index: Int, name: String? = nil) -> CQLColumnSpec {
        CQLColumnSpec(
            keyspace: keyspace, table: self.name, name: name ?? columns[index].name, type: columns[index].type)
    }
}
