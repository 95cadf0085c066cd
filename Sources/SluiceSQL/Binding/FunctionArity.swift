/// The check that a function call has as many arguments as the function takes.
enum FunctionArity {
    static func check(
        _ name: String, _ arguments: [BoundExpression], _ range: ClosedRange<Int>, at location: SourceLocation
    ) throws {
        guard !range.contains(arguments.count) else { return }
        let expected = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
        throw SQLAnalysisError("\(name) takes \(expected) arguments, not \(arguments.count)", at: location)
    }

    /// The check for functions without an upper bound (`concat_ws`, `greatest`).
    static func check(_ name: String, _ arguments: [BoundExpression], atLeast minimum: Int, at location: SourceLocation)
        throws
    {
        guard arguments.count < minimum else { return }
        throw SQLAnalysisError("\(name) takes at least \(minimum) arguments, not \(arguments.count)", at: location)
    }
}
