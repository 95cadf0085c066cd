import SluiceCore
import SluiceServing

/// `kind: save`: load the newest complete result into the inactive serving table, validate it,
/// flip the pointer.
public struct SaveTaskKind: TaskKind {
    public init() {}

    public var name: String { "save" }
    public var configurationKeys: [String] { ["input", "target", "validate", "shards", "keep_results"] }

    static let targetKeys = ["connection", "table", "key", "values", "types"]
    static let storeTypes = ["INTEGER", "REAL", "TEXT", "BLOB"]

    public func configure(_ settings: ConfigMapping, in context: TaskConfigurationContext) -> (any ConfiguredTask)? {
        let input = context.lakeLocation(
            settings.mapping("input", knownKeys: TaskConfigurationContext.lakeLocationKeys, required: true)
        )
        let target = settings.mapping("target", knownKeys: Self.targetKeys, required: true).flatMap {
            readTarget($0, context: context)
        }
        let validateSettings = settings.mapping("validate", knownKeys: LoadValidation.keys)
        let validation = LoadValidation(
            minRows: validateSettings?.int("min_rows", range: 0...Int.max) ?? 1,
            maxRowChange: validateSettings?.double("max_row_change", range: 0...1_000_000)
        )
        let shards = settings.int("shards", range: 1...10_000) ?? 1
        let keepResults = settings.int("keep_results", range: 1...10_000) ?? 7
        guard let input, let target else { return nil }
        return SaveTask(input: input, target: target, validation: validation, shards: shards, keepResults: keepResults)
    }

    private func readTarget(_ mapping: ConfigMapping, context: TaskConfigurationContext) -> ServingTarget? {
        let connection = mapping.value("connection", required: true).flatMap { context.connection($0, role: .serving) }
        let table = mapping.value("table", required: true).flatMap { identifier($0) }
        let key = mapping.value("key", required: true).flatMap { columns($0) }
        let values = mapping.value("values", required: true).flatMap { columns($0) }
        let types = mapping.value("types").flatMap { typeOverrides($0, columns: (key ?? []) + (values ?? [])) }
        guard let connection, let table, let key, let values else { return nil }
        if let shared = key.first(where: values.contains) {
            mapping.value("values")?.report("\"\(shared)\" is already a key column")
            return nil
        }
        if mapping.contains("types"), types == nil { return nil }
        return ServingTarget(connection: connection.name, table: table, key: key, values: values, types: types ?? [:])
    }

    /// `types: {score: REAL}`: store types for some columns, checked against the result at load.
    private func typeOverrides(_ node: ConfigNode, columns: [String]) -> [String: String]? {
        guard let entries = node.entries() else { return nil }
        var types: [String: String] = [:]
        var valid = true
        for (column, typeNode) in entries {
            guard let type = typeNode.string() else {
                valid = false
                continue
            }
            guard columns.contains(column) else {
                typeNode.report(ClosestMatch.unknown("column", column, among: columns))
                valid = false
                continue
            }
            types[column] = type
        }
        return valid ? types : nil
    }

    private func identifier(_ node: ConfigNode) -> String? {
        guard let name = node.string() else { return nil }
        guard Naming.isIdentifier(name) else {
            node.report("\"\(name)\" is not a valid table name: \(Naming.identifierRule)")
            return nil
        }
        return name
    }

    private func columns(_ node: ConfigNode) -> [String]? {
        guard let elements = node.sequence() else { return nil }
        if elements.isEmpty {
            node.report("needs at least one column")
            return nil
        }
        var names: [String] = []
        for element in elements {
            guard let name = element.string() else { return nil }
            guard Naming.isIdentifier(name) else {
                element.report("\"\(name)\" is not a valid column name: \(Naming.identifierRule)")
                return nil
            }
            guard !names.contains(name) else {
                element.report("column \"\(name)\" is listed twice")
                return nil
            }
            names.append(name)
        }
        return names
    }
}
