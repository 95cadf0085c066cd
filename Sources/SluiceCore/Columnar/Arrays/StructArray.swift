/// A column of rows of named fields in Arrow's layout: one child array per field, each with `count`
/// slots, plus the struct's own optional validity bitmap.
///
/// A null struct slot may hold anything in its children. Slicing slices every child (copying no data).
public struct StructArray: ColumnArray {
    public let fields: [Field]
    /// One array per field, each of `count` slots.
    public let children: [any ColumnArray]
    public let validity: ValidityBitmap?
    public let count: Int

    /// Wraps existing child arrays without copying them.
    ///
    /// - Parameter count: the number of rows; needed only when there are no fields, else it must match
    ///   the children.
    /// - Throws: `ColumnarError` when the children's number, types or lengths do not fit `fields`, or
    ///   `validity` covers a different count.
    public init(fields: [Field], children: [any ColumnArray], validity: ValidityBitmap? = nil, count: Int? = nil)
        throws
    {
        try DataType.struct(fields).validate()
        guard fields.count == children.count else {
            throw ColumnarError.lengthMismatch(
                what: "children of struct<...>", expected: fields.count, actual: children.count)
        }
        let rows = count ?? children.first?.count ?? 0
        for (field, child) in zip(fields, children) {
            guard field.dataType.isCompatible(with: child.dataType) else {
                throw ColumnarError.typeMismatch(
                    what: "struct field '\(field.name)'", expected: field.dataType, actual: child.dataType)
            }
            guard child.count == rows else {
                throw ColumnarError.lengthMismatch(
                    what: "struct field '\(field.name)'", expected: rows, actual: child.count)
            }
        }
        let validity = try ValidityBitmap.normalized(validity, count: rows, what: "struct array")
        self.init(unchecked: fields, children: children, validity: validity, count: rows)
    }

    init(unchecked fields: [Field], children: [any ColumnArray], validity: ValidityBitmap?, count: Int) {
        self.fields = fields
        self.children = children
        self.validity = validity
        self.count = count
    }

    public var dataType: DataType { .struct(fields) }

    /// The child for field `index`.
    ///
    /// - Precondition: `0 <= index < fields.count`.
    public func child(at index: Int) -> any ColumnArray { children[index] }

    /// The child for the first field named `name`.
    public func child(named name: String) -> (any ColumnArray)? {
        fields.firstIndex { $0.name == name }.map { children[$0] }
    }

    public func slice(_ range: Range<Int>) -> StructArray {
        checkSliceRange(range)
        return StructArray(
            unchecked: fields, children: children.map { $0.slice(range) },
            validity: ValidityBitmap.slice(validity, range),
            count: range.count)
    }
}

extension StructArray: Equatable {
    /// Same type and nulls, and equal children in every valid row.
    public static func == (lhs: StructArray, rhs: StructArray) -> Bool {
        guard lhs.hasSameShape(as: rhs) else { return false }
        if lhs.validity == nil {
            return zip(lhs.children, rhs.children).allSatisfy { $0.isEqual(to: $1) }
        }
        for index in 0..<lhs.count where lhs.isValid(index) {
            for (left, right) in zip(lhs.children, rhs.children)
            where !left.slice(index..<index + 1).isEqual(to: right.slice(index..<index + 1)) {
                return false
            }
        }
        return true
    }
}

extension StructArray {
    public var description: String {
        describe { index in
            let parts = zip(fields, children).map { field, child in
                "\(field.name): \(describeElement(of: child, at: index))"
            }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }
}
