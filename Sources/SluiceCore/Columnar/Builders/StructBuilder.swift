/// Builds a `StructArray`: append one slot to every child, then close the row with `endStruct()`.
/// `appendNull()` appends a null row (and a null to every child, so the children stay aligned).
///
/// ```swift
/// let rows = StructBuilder(fields: [Field("a", .int32), Field("b", .string)])
/// rows.child(at: 0, as: Int32Builder.self)?.append(1)
/// rows.child(at: 1, as: StringBuilder.self)?.append("x")
/// rows.endStruct()
/// ```
public final class StructBuilder: ArrayBuilder {
    public let fields: [Field]
    /// One builder per field; reach them typed with `child(at:as:)`.
    public let children: [any ArrayBuilder]
    // Builders are not Sendable and never hand out access to these properties, so accesses cannot overlap;
    // unchecked exclusivity drops the runtime access tracking that otherwise dominates each append.
    @exclusivity(unchecked) @usableFromInline var validity: ValidityBuilder

    /// A builder over the given child builders.
    ///
    /// - Precondition: one child per field, each of a type compatible with its field and still empty.
    public init(fields: [Field], children: [any ArrayBuilder], capacity: Int = 0) {
        precondition(fields.count == children.count, "\(fields.count) fields but \(children.count) child builders")
        for (field, child) in zip(fields, children) {
            precondition(
                field.dataType.isCompatible(with: child.dataType),
                "field '\(field.name)' is \(field.dataType) but its builder builds \(child.dataType)")
            precondition(child.count == 0, "child builder for '\(field.name)' is not empty")
        }
        self.fields = fields
        self.children = children
        validity = ValidityBuilder(capacity: capacity)
    }

    /// A builder with a child builder made by `makeBuilder(for:)` for each field.
    ///
    /// - Precondition: every field's type is valid.
    public convenience init(fields: [Field], capacity: Int = 0) {
        self.init(
            fields: fields, children: fields.map { makeBuilder(for: $0.dataType, capacity: capacity) },
            capacity: capacity)
    }

    public var dataType: DataType { .struct(fields) }

    public var count: Int { validity.count }

    /// The builder for field `index`, if it is a `B`.
    ///
    /// - Precondition: `0 <= index < fields.count`.
    public func child<B: ArrayBuilder>(at index: Int, as type: B.Type = B.self) -> B? {
        children[index] as? B
    }

    /// The builder for the first field named `name`, if it is a `B`.
    public func child<B: ArrayBuilder>(named name: String, as type: B.Type = B.self) -> B? {
        fields.firstIndex { $0.name == name }.flatMap { children[$0] as? B }
    }

    public func reserve(_ additional: Int) {
        validity.reserve(additional)
        for child in children {
            child.reserve(additional)
        }
    }

    /// Closes a valid row.
    ///
    /// - Precondition: every child holds exactly one more slot than before this row.
    public func endStruct() {
        checkChildren(expected: count + 1)
        validity.appendValid()
    }

    /// Appends a null row: a null slot in every child too.
    ///
    /// - Precondition: no child was appended to for this row.
    public func appendNull() {
        checkChildren(expected: count)
        for child in children {
            child.appendNull()
        }
        validity.appendNull()
    }

    private func checkChildren(expected: Int) {
        for (field, child) in zip(fields, children) {
            precondition(
                child.count == expected, "struct field '\(field.name)' has \(child.count) slots, expected \(expected)")
        }
    }

    /// Returns the array (finishing every child) and resets the builder.
    public func finish() -> StructArray {
        let count = validity.count
        let bitmap = validity.finish()
        let arrays: [any ColumnArray] = children.map { $0.finish() }
        return StructArray(unchecked: fields, children: arrays, validity: bitmap, count: count)
    }
}
