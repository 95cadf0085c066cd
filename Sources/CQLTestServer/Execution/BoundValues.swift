import SluiceCQL

/// The values a QUERY, EXECUTE or batch statement bound to its markers, by position or by name.
struct BoundValues: Sendable {
    var values: [CQLBoundValue]
    var names: [String]?

    static let none = BoundValues(values: [], names: nil)

    func value(at index: Int, name: String?) throws(CQLServerError) -> CQLBoundValue {
        if let names, let name {
            guard let position = names.firstIndex(of: name) else {
                throw CQLServerError.invalid("No value bound for :\(name)")
            }
            return values[position]
        }
        guard index < values.count else {
            throw CQLServerError.invalid("There were \(values.count) values bound, but the statement needs more")
        }
        return values[index]
    }
}

extension CQLServerError {
    static func invalid(_ message: String) -> CQLServerError {
        CQLServerError(code: Code.invalid, message: message)
    }
}
