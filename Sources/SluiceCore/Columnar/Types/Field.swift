/// A named, typed slot of a schema or of a nested type, with its nullability and free-form metadata.
public struct Field: Hashable, Sendable {
    public var name: String
    public var dataType: DataType
    /// Whether values may be null. Checked for the top-level columns of a `RecordBatch`.
    public var nullable: Bool
    /// Free-form key-value metadata (Arrow field metadata; e.g. Parquet field ids, Spark comments).
    public var metadata: [String: String]

    /// A field; nullable unless said otherwise.
    public init(_ name: String, _ dataType: DataType, nullable: Bool = true, metadata: [String: String] = [:]) {
        self.name = name
        self.dataType = dataType
        self.nullable = nullable
        self.metadata = metadata
    }
}

extension Field: CustomStringConvertible {
    /// `name: type`, followed by ` not null` when the field is not nullable.
    public var description: String {
        "\(name): \(dataType)\(nullable ? "" : " not null")"
    }
}
