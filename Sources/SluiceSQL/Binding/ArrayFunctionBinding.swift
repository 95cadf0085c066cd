import SluiceCompute
import SluiceCore

/// Functions over arrays (what collect_list and split produce): sort_array, size (cardinality) and
/// array_contains.
enum ArrayFunctionBinding {
    static let names = ["sort_array", "size", "cardinality", "array_contains"]

    /// The bound call, or nil when `name` is not an array function.
    static func bind(_ name: String, _ arguments: [BoundExpression], at location: SourceLocation) throws
        -> BoundExpression?
    {
        guard names.contains(name) else { return nil }
        try FunctionArity.check(
            name, arguments, name == "sort_array" ? 1...2 : (name == "array_contains" ? 2...2 : 1...1), at: location)
        guard case .list(let element) = arguments[0].dataType else {
            throw SQLAnalysisError("\(name) needs an array, not \(arguments[0].dataType)", at: location)
        }
        switch name {
        case "sort_array":
            var ascending = BoundExpression.literal(.boolean(true))
            if arguments.count == 2 {
                guard case .literal(let flag) = arguments[1], flag.dataType == .boolean, flag.payload != nil else {
                    throw SQLAnalysisError("sort_array's second argument must be true or false", at: location)
                }
                ascending = arguments[1]
            }
            return .function(.sortArray, [arguments[0], ascending], type: arguments[0].dataType)
        case "array_contains":
            let value = try TypeCoercion.cast(arguments[1], to: element.dataType)
            return .function(.arrayContains, [arguments[0], value], type: .boolean)
        default:
            return .function(.size, [arguments[0]], type: .int32)
        }
    }
}
