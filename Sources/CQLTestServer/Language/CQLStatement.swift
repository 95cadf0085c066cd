/// A parsed statement of the subset the test server runs.
enum CQLStatement: Sendable {
    case use(String)
    case createKeyspace(name: String, ifNotExists: Bool, replication: [String: String], durableWrites: Bool)
    case createTable(CreateTable)
    case createType(name: QualifiedName, fields: [(name: String, type: CQLTypeSyntax)], ifNotExists: Bool)
    case drop(DropTarget, QualifiedName, ifExists: Bool)
    case truncate(QualifiedName)
    case select(Select)
    case insert(Insert)
    case update(Update)
    case delete(Delete)
    case batch([CQLStatement])

    enum DropTarget: String, Sendable {
        case keyspace = "KEYSPACE"
        case table = "TABLE"
        case type = "TYPE"
    }

    /// `keyspace.name`, or a bare name resolved against the session's keyspace.
    struct QualifiedName: Sendable, Equatable {
        var keyspace: String?
        var name: String
    }

    struct CreateTable: Sendable {
        var name: QualifiedName
        var columns: [(name: String, type: CQLTypeSyntax, isStatic: Bool)]
        var partitionKey: [String]
        var clusteringKey: [String]
        /// Clustering columns declared DESC in `WITH CLUSTERING ORDER BY`.
        var descending: Set<String>
        var ifNotExists: Bool
    }

    /// `column op term`, `column IN (…)`, `token(a, b) op term`.
    struct Relation: Sendable {
        enum Operator: String, Sendable {
            case equal = "="
            case less = "<"
            case lessOrEqual = "<="
            case greater = ">"
            case greaterOrEqual = ">="
            case notEqual = "!="
            case `in` = "IN"
            case contains = "CONTAINS"
            case containsKey = "CONTAINS KEY"
        }
        /// One column, or several for `token(…)` (then `isToken`).
        var columns: [String]
        var isToken: Bool
        var op: Operator
        /// `IN (a, b)` keeps its terms here; `IN ?` is one marker term.
        var terms: [CQLTerm]
    }

    struct Selector: Sendable {
        enum Kind: Sendable {
            case column(String)
            case countAll
            case writetime(String)
            case ttl(String)
            case function(String, [String])
        }
        var kind: Kind
        var alias: String?
    }

    struct Select: Sendable {
        /// Empty for `*`.
        var selectors: [Selector]
        var distinct: Bool
        var json: Bool
        var table: QualifiedName
        var relations: [Relation]
        var orderBy: [(column: String, descending: Bool)]
        var perPartitionLimit: CQLTerm?
        var limit: CQLTerm?
        var allowFiltering: Bool
    }

    struct Using: Sendable {
        var ttl: CQLTerm?
        var timestamp: CQLTerm?
    }

    /// What an LWT's `IF` asks.
    enum Condition: Sendable {
        case none
        case notExists
        case exists
        case columns([(column: String, op: Relation.Operator, term: CQLTerm)])
    }

    struct Insert: Sendable {
        var table: QualifiedName
        var columns: [String]
        var values: [CQLTerm]
        var ifNotExists: Bool
        var using: Using
    }

    struct Update: Sendable {
        var table: QualifiedName
        var using: Using
        /// `column = term`; `column = column + term` and `column = column - term` on collections and
        /// counters keep the operator.
        var assignments: [(column: String, op: Character?, term: CQLTerm)]
        var relations: [Relation]
        var condition: Condition
    }

    struct Delete: Sendable {
        var columns: [String]
        var table: QualifiedName
        var using: Using
        var relations: [Relation]
        var condition: Condition
    }
}

/// A type as written: `int`, `frozen<map<text, list<int>>>`, `my_udt`, `tuple<int, text>`.
indirect enum CQLTypeSyntax: Sendable, Equatable {
    case named(String)
    case frozen(CQLTypeSyntax)
    case list(CQLTypeSyntax)
    case set(CQLTypeSyntax)
    case map(CQLTypeSyntax, CQLTypeSyntax)
    case tuple([CQLTypeSyntax])
    /// A user type, maybe qualified by its keyspace.
    case user(keyspace: String?, name: String)
}
