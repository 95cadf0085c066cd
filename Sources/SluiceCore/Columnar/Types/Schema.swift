/// The ordered fields of a record batch, plus batch-level metadata.
///
/// Names are case-sensitive. Arrow allows duplicate names; lookups by name return the first match.
public struct Schema: Sendable {
    public let fields: [Field]
    /// Free-form key-value metadata (Arrow schema metadata).
    public let metadata: [String: String]
    /// First index of each name, built once so that lookups are O(1).
    private let indexByName: [String: Int]

    public init(_ fields: [Field], metadata: [String: String] = [:]) {
        self.fields = fields
        self.metadata = metadata
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() where index[field.name] == nil {
            index[field.name] = position
        }
        indexByName = index
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// The field at `index`.
    ///
    /// - Precondition: `0 <= index < count`.
    public subscript(index: Int) -> Field { fields[index] }

    /// The position of the first field named `name`.
    public func index(of name: String) -> Int? { indexByName[name] }

    /// The first field named `name`.
    public func field(named name: String) -> Field? {
        indexByName[name].map { fields[$0] }
    }

    /// The fields at `indices`, in that order, with this schema's metadata.
    ///
    /// - Throws: `ColumnarError.columnIndexOutOfRange`.
    public func project(_ indices: [Int]) throws -> Schema {
        var projected: [Field] = []
        projected.reserveCapacity(indices.count)
        for index in indices {
            guard fields.indices.contains(index) else {
                throw ColumnarError.columnIndexOutOfRange(index: index, count: fields.count)
            }
            projected.append(fields[index])
        }
        return Schema(projected, metadata: metadata)
    }
}

extension Schema: Hashable {
    public static func == (lhs: Schema, rhs: Schema) -> Bool {
        lhs.fields == rhs.fields && lhs.metadata == rhs.metadata
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
        hasher.combine(metadata)
    }
}

extension Schema: CustomStringConvertible {
    /// `schema<id: int64 not null, name: string>`.
    public var description: String {
        "schema<\(fields.map(\.description).joined(separator: ", "))>"
    }
}
