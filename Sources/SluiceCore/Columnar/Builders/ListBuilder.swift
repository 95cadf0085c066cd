/// Builds a `ListArray`: append a list's elements to `child`, then close the list with `endList()` —
/// or do both with `appendList { child in ... }`.
///
/// ```swift
/// let lists = ListBuilder(child: Int64Builder())
/// lists.appendList { $0.append(1); $0.append(2) }   // [1, 2]
/// lists.endList()                                   // []
/// lists.appendNull()                                // null
/// let array = lists.finish()
/// ```
public final class ListBuilder<Child: ArrayBuilder>: ArrayBuilder {
    /// The builder of the elements of every list.
    public let child: Child
    /// The element field's name (`item` by default, Spark uses `element`).
    public let elementName: String
    /// Whether elements may be null.
    public let elementNullable: Bool
    // Builders are not Sendable and never hand out access to these properties, so accesses cannot overlap;
    // unchecked exclusivity drops the runtime access tracking that otherwise dominates each append.
    @exclusivity(unchecked) @usableFromInline var offsets: MutableBuffer
    @exclusivity(unchecked) @usableFromInline var validity: ValidityBuilder

    /// An empty builder with room for `capacity` lists; elements go to `child`.
    public init(child: Child, elementName: String = "item", elementNullable: Bool = true, capacity: Int = 0) {
        self.child = child
        self.elementName = elementName
        self.elementNullable = elementNullable
        offsets = MutableBuffer(capacity: (capacity + 1) * 4)
        offsets.append(Int32(0))
        validity = ValidityBuilder(capacity: capacity)
    }

    /// The element field.
    public var elementField: Field { Field(elementName, child.dataType, nullable: elementNullable) }

    public var dataType: DataType { .list(elementField) }

    public var count: Int { validity.count }

    public func reserve(_ additional: Int) {
        offsets.reserve(additional * 4)
        validity.reserve(additional)
    }

    private func appendOffset() {
        precondition(child.count <= Int(Int32.max), "list array exceeds Int32.max elements; split it")
        offsets.append(Int32(truncatingIfNeeded: child.count))
    }

    /// Closes a valid list holding the elements appended to `child` since the previous list.
    public func endList() {
        appendOffset()
        validity.appendValid()
    }

    /// Appends a valid list holding the elements that `fill` appends to the child.
    public func appendList(_ fill: (Child) throws -> Void) rethrows {
        try fill(child)
        endList()
    }

    /// Appends a null list. Elements appended to `child` since the previous list become part of the
    /// null slot (allowed by Arrow, invisible to readers); normally append none.
    public func appendNull() {
        appendOffset()
        validity.appendNull()
    }

    /// Returns the array (finishing the child too) and resets the builder.
    public func finish() -> ListArray {
        let bitmap = validity.finish()
        let finishedOffsets = OffsetBuffer(unchecked: offsets.finish())
        // The next array starts again at offset 0.
        offsets.append(Int32(0))
        return ListArray(unchecked: elementField, offsets: finishedOffsets, values: child.finish(), validity: bitmap)
    }
}

extension ListBuilder {
    /// Appends a valid list of these elements (nil elements become nulls).
    public func append<T>(_ elements: [T?]) where Child == PrimitiveBuilder<T> {
        for element in elements {
            child.append(element)
        }
        endList()
    }

    /// Appends a valid list of these elements, or a null list for nil.
    public func append<T>(_ elements: [T?]?) where Child == PrimitiveBuilder<T> {
        if let elements {
            append(elements)
        } else {
            appendNull()
        }
    }

    /// Appends a valid list of these elements (nil elements become nulls).
    public func append<Kind>(_ elements: [Kind.Value?]) where Child == GenericByteBuilder<Kind> {
        for element in elements {
            child.append(element)
        }
        endList()
    }

    /// Appends a valid list of these elements (nil elements become nulls).
    public func append(_ elements: [Bool?]) where Child == BooleanBuilder {
        for element in elements {
            child.append(element)
        }
        endList()
    }
}
