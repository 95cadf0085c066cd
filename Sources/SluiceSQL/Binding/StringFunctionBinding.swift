import SluiceCore

/// Spark's string functions: arguments are cast to strings (and positions, lengths and group
/// numbers to ints); optional arguments get Spark's defaults, so each kernel sees a fixed shape.
enum StringFunctionBinding {
    static let names = [
        "concat_ws", "trim", "ltrim", "rtrim", "btrim", "substring", "substr", "lpad", "rpad", "replace", "split",
        "regexp_extract", "regexp_replace", "regexp_like", "regexp", "rlike", "md5", "sha2",
    ]

    /// The bound call, or nil when `name` is not a string function.
    static func bind(_ name: String, _ arguments: [BoundExpression], at location: SourceLocation) throws
        -> BoundExpression?
    {
        func arity(_ range: ClosedRange<Int>) throws { try FunctionArity.check(name, arguments, range, at: location) }
        // An argument, or the default of an optional one that is missing.
        func string(_ index: Int, default fallback: String = "") throws -> BoundExpression {
            guard index < arguments.count else { return .literal(.string(fallback)) }
            return try TypeCoercion.cast(arguments[index], to: .string)
        }
        func int(_ index: Int, default fallback: Int32 = 0) throws -> BoundExpression {
            guard index < arguments.count else { return .literal(.int32(fallback)) }
            return try integer(arguments[index], of: name, at: location)
        }
        switch name {
        case "concat_ws":
            try FunctionArity.check(name, arguments, atLeast: 1, at: location)
            return .function(.concatWs, try arguments.indices.map { try string($0) }, type: .string)
        case "trim", "btrim", "ltrim", "rtrim":
            try arity(1...2)
            let function: ScalarFunction = name == "ltrim" ? .ltrim : name == "rtrim" ? .rtrim : .trim
            return .function(function, try arguments.indices.map { try string($0) }, type: .string)
        case "substring", "substr":
            try arity(2...3)
            let length = arguments.count > 2 ? [try int(2)] : []
            return .function(.substring, [try string(0), try int(1)] + length, type: .string)
        case "lpad", "rpad":
            try arity(2...3)
            return .function(
                name == "lpad" ? .lpad : .rpad, [try string(0), try int(1), try string(2, default: " ")], type: .string)
        case "replace":
            try arity(2...3)
            return .function(.replace, [try string(0), try string(1), try string(2, default: "")], type: .string)
        case "split":
            try arity(2...3)
            return .function(
                .split, [try string(0), try string(1), try int(2, default: -1)],
                type: .list(of: .string, nullable: false))
        case "regexp_extract":
            try arity(2...3)
            return .function(.regexpExtract, [try string(0), try string(1), try int(2, default: 1)], type: .string)
        case "regexp_replace":
            try arity(3...4)
            return .function(
                .regexpReplace, [try string(0), try string(1), try string(2), try int(3, default: 1)], type: .string)
        case "regexp_like", "regexp", "rlike":
            try arity(2...2)
            return rlike(try string(0), try string(1))
        case "md5":
            try arity(1...1)
            return .function(.md5, [try bytes(arguments[0], of: name, at: location)], type: .string)
        case "sha2":
            try arity(2...2)
            return .function(.sha2, [try bytes(arguments[0], of: name, at: location), try int(1)], type: .string)
        default:
            return nil
        }
    }

    /// `value RLIKE pattern`: whether the (Java) regex matches part of the value.
    static func rlike(_ value: BoundExpression, _ pattern: BoundExpression) -> BoundExpression {
        .function(.rlike, [value, pattern], type: .boolean)
    }

    /// An integer argument as an int (Spark's positions, lengths and counts are ints).
    private static func integer(_ argument: BoundExpression, of name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        guard argument.isNullLiteral || TypeCoercion.isInteger(argument.dataType) else {
            throw SQLAnalysisError("\(name) needs an integer here, not \(argument.dataType)", at: location)
        }
        return try TypeCoercion.cast(argument, to: .int32)
    }

    /// A string or binary argument, whose bytes are hashed.
    private static func bytes(_ argument: BoundExpression, of name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        if argument.isNullLiteral { return .literal(.null(.string)) }
        guard argument.dataType == .string || argument.dataType == .binary else {
            throw SQLAnalysisError("\(name) needs a string or binary argument, not \(argument.dataType)", at: location)
        }
        return argument
    }
}
