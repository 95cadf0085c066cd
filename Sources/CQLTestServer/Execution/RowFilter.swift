import NIOCore
import SluiceCQL

/// One WHERE relation checked against rows: a column compared with values, or the partition's
/// token compared with a number.
struct RowFilter {
    private enum Target {
        case column(Int, CQLDataType)
        case token
    }

    private let target: Target
    private let op: CQLStatement.Relation.Operator
    private let values: [CQLValue?]

    init(_ relation: CQLStatement.Relation, schema: TableSchema, converter: TermConverter) throws(CQLServerError) {
        op = relation.op
        if relation.isToken {
            target = .token
            var tokens: [CQLValue?] = []
            for term in relation.terms {
                if case .function("token", let arguments) = term {
                    var components: [[UInt8]] = []
                    for (argument, column) in zip(arguments, schema.partitionKey) {
                        let type = schema.columns[column].type
                        components.append(
                            try converter.value(argument, as: type, column: schema.columns[column].name)?.serialized()
                                ?? [])
                    }
                    tokens.append(.bigint(Murmur3Token.token(for: Murmur3Token.routingKey(components))))
                } else {
                    tokens.append(try converter.value(term, as: .bigint, column: "token"))
                }
            }
            values = tokens
            return
        }
        guard let column = relation.columns.first else { throw CQLServerError.invalid("A relation without a column") }
        let index = try schema.require(column)
        let type = schema.columns[index].type
        target = .column(index, type)
        values = try Self.values(of: relation, type: type, column: column, converter: converter)
    }

    /// The relation's values as the column's type; `IN ?` binds a list whose elements are the values.
    static func values(
        of relation: CQLStatement.Relation, type: CQLDataType, column: String, converter: TermConverter
    ) throws(CQLServerError) -> [CQLValue?] {
        if relation.op == .in, relation.terms.count == 1, case .marker = relation.terms[0] {
            guard case .list(let elements)? = try converter.value(relation.terms[0], as: .list(type), column: column)
            else { return [] }
            return elements
        }
        var elementType = type
        switch (relation.op, type) {
        case (.contains, .list(let element)), (.contains, .set(let element)), (.contains, .map(_, let element)):
            elementType = element
        case (.containsKey, .map(let key, _)): elementType = key
        default: break
        }
        var values: [CQLValue?] = []
        for term in relation.terms { values.append(try converter.value(term, as: elementType, column: column)) }
        return values
    }

    /// The tokens a token relation (`=`, `<`, `<=`, `>`, `>=`) admits, as a closed range (nil when
    /// none); `.none` for any other relation.
    var tokenRange: ClosedRange<Int64>?? {
        guard case .token = target, case .bigint(let bound)?? = values.first else { return .none }
        switch op {
        case .equal: return .some(bound...bound)
        case .greater: return .some(bound == .max ? nil : (bound + 1)...Int64.max)
        case .greaterOrEqual: return .some(bound...Int64.max)
        case .less: return .some(bound == .min ? nil : Int64.min...(bound - 1))
        case .lessOrEqual: return .some(Int64.min...bound)
        default: return .none
        }
    }

    func matches(_ row: StoredRow, token: Int64) -> Bool {
        let value: CQLValue?
        switch target {
        case .token: value = .bigint(token)
        case .column(let index, let type):
            value = row.cells[index].flatMap { try? CQLValue.decode(type, from: ByteBuffer(bytes: $0)) }
        }
        switch op {
        case .in: return values.contains { CQLValueOrder.compare($0, value) == 0 }
        case .contains, .containsKey:
            guard let value, let wanted = values.first else { return false }
            switch value {
            case .list(let elements), .set(let elements):
                return elements.contains { CQLValueOrder.compare($0, wanted) == 0 }
            case .map(let entries):
                return entries.contains { CQLValueOrder.compare(op == .containsKey ? $0.key : $0.value, wanted) == 0 }
            default: return false
            }
        default:
            guard let wanted = values.first else { return false }
            // A null matches nothing, as in Cassandra.
            guard value != nil, wanted != nil else { return false }
            return Self.holds(op, CQLValueOrder.compare(value, wanted))
        }
    }

    /// Whether `op` holds for two values that compare as `order`.
    static func holds(_ op: CQLStatement.Relation.Operator, _ order: Int) -> Bool {
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        case .in, .contains, .containsKey: return false
        }
    }
}
