import SluiceCompute
import SluiceCore

/// The window functions of one SELECT, collected while its select list and ORDER BY are bound. Each
/// call is referenced by a placeholder column (`placeholderBase + n`) until the columns below the
/// window are known (a grouped query may add aggregates after a window call is bound); `columnMapping`
/// then renumbers the placeholders to follow the input's columns.
struct WindowCollector {
    /// Far above any real column index.
    static let placeholderBase = 1 << 40

    /// The `WINDOW name AS (…)` definitions by lower-cased name.
    let named: [String: WindowSpecification]
    private(set) var calls: [NamedWindowFunction] = []

    init(_ windows: [NamedWindow]) throws {
        var named: [String: WindowSpecification] = [:]
        for window in windows {
            let key = window.name.name.lowercased()
            guard named[key] == nil else {
                throw SQLAnalysisError("the window \(window.name.name) is defined twice", at: window.name.location)
            }
            named[key] = window.specification
        }
        self.named = named
    }

    /// The placeholder column of `call`, added unless an equal call is already there.
    mutating func reference(_ call: WindowFunctionCall, name: String) -> BoundExpression {
        let index =
            calls.firstIndex { $0.call == call }
            ?? {
                calls.append(NamedWindowFunction(name: name, call: call))
                return calls.count - 1
            }()
        return .column(index: Self.placeholderBase + index, name: calls[index].name, type: call.resultType)
    }

    /// Placeholder → real column index, for a window above an input of `inputCount` columns.
    func columnMapping(inputCount: Int) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: calls.indices.map { (Self.placeholderBase + $0, inputCount + $0) })
    }
}

/// Binds `name(…) OVER …`: ranking functions, lag and lead, first_value and last_value, and
/// aggregates over a frame, with Spark's rules (ranking functions need an ORDER BY; the default frame
/// is RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW with one, the whole partition without).
extension ExpressionBinder {
    mutating func bindWindowCall(_ call: FunctionCall, at location: SourceLocation) throws -> BoundExpression {
        guard var collector = windows, let over = call.over else {
            throw SQLAnalysisError("window functions are allowed only in SELECT and ORDER BY", at: location)
        }
        // Arguments, partitions and orders are bound without windows: no window inside a window.
        windows = nil
        defer { windows = collector }
        let specification: WindowSpecification
        switch over {
        case .specification(let written): specification = written
        case .named(let name):
            guard let named = collector.named[name.name.lowercased()] else {
                throw SQLAnalysisError("unknown window \(name.name)", at: name.location)
            }
            specification = named
        }
        let name = call.name.parts.map(\.name).joined(separator: ".").lowercased()
        if call.isDistinct {
            throw SQLAnalysisError("DISTINCT is not allowed in window functions", at: location)
        }
        if call.filter != nil {
            throw SQLAnalysisError("FILTER is not allowed in window functions", at: location)
        }
        var bound = WindowFunctionCall(
            function: .rowNumber, argument: nil, defaultValue: nil, ignoresNulls: call.ignoresNulls,
            window: try bindWindow(specification), resultType: .int32)
        func expectArguments(_ range: ClosedRange<Int>) throws {
            guard range.contains(call.arguments.count) else {
                let expected = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw SQLAnalysisError(
                    "\(name) takes \(expected) arguments, not \(call.arguments.count)", at: location)
            }
        }
        switch name {
        case "row_number", "rank", "dense_rank", "percent_rank", "cume_dist":
            try expectArguments(0...0)
            let functions: [String: WindowFunctionCall.Function] = [
                "row_number": .rowNumber, "rank": .rank, "dense_rank": .denseRank, "percent_rank": .percentRank,
                "cume_dist": .cumeDist,
            ]
            bound.function = functions[name] ?? .rowNumber
            bound.resultType = name == "percent_rank" || name == "cume_dist" ? .float64 : .int32
        case "ntile":
            try expectArguments(1...1)
            let buckets = try constantInteger(call.arguments[0], "ntile's bucket count")
            guard buckets > 0 else {
                throw SQLAnalysisError("ntile needs a positive bucket count", at: call.arguments[0].location)
            }
            bound.function = .ntile(buckets)
        case "lag", "lead":
            try expectArguments(1...3)
            let argument = try bind(call.arguments[0])
            let offset = call.arguments.count > 1 ? try constantInteger(call.arguments[1], "\(name)'s offset") : 1
            bound.function = name == "lag" ? .lag(offset: offset) : .lead(offset: offset)
            bound.argument = argument
            bound.resultType = argument.dataType
            if call.arguments.count == 3 {
                let defaultValue = try bind(call.arguments[2])
                bound.defaultValue =
                    defaultValue.isNullLiteral
                    ? nil : try TypeCoercion.cast(defaultValue, to: argument.dataType)
            }
        case "first_value", "last_value", "first", "last":
            try expectArguments(1...2)
            let argument = try bind(call.arguments[0])
            if call.arguments.count == 2 {
                guard case .literal(.boolean(let ignoresNulls)) = call.arguments[1].kind else {
                    throw SQLAnalysisError(
                        "\(name)'s second argument (ignoreNulls) must be true or false", at: call.arguments[1].location)
                }
                bound.ignoresNulls = bound.ignoresNulls || ignoresNulls
            }
            bound.function = name.hasPrefix("first") ? .firstValue : .lastValue
            bound.argument = argument
            bound.resultType = argument.dataType
        default:
            let aggregate = try bindWindowAggregate(call, name: name, at: location)
            bound.function = .aggregate(aggregate)
            bound.resultType = aggregate.resultType
        }
        if bound.isRanking {
            guard !bound.window.orderBy.isEmpty else {
                throw SQLAnalysisError("\(name) needs a window with ORDER BY", at: location)
            }
            if specification.frame != nil {
                throw SQLAnalysisError("\(name) does not take a window frame", at: location)
            }
        }
        if bound.ignoresNulls {
            switch bound.function {
            case .lag, .lead, .firstValue, .lastValue: break
            default: throw SQLAnalysisError("IGNORE NULLS applies to lag, lead, first and last", at: location)
            }
        }
        let columnName = SparkColumnName.of(Expression(kind: .function(call), location: location))
        return collector.reference(bound, name: columnName)
    }

    /// An aggregate over the frame, typed as `AggregateBinding` types it. In a grouped query the
    /// argument is bound over the aggregate's output first (`sum(count(*)) OVER ()`) and handed to
    /// `AggregateBinding` as an alias.
    private mutating func bindWindowAggregate(_ call: FunctionCall, name: String, at location: SourceLocation) throws
        -> AggregateCall
    {
        var plain = call
        plain.over = nil
        guard AggregateBinding.isAggregate(plain) else {
            let suggestion = ClosestMatch.suggestion(
                for: name,
                among: ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead"]
                    + AggregateBinding.names)
            throw SQLAnalysisError(
                "\(name) is not a window function" + (suggestion.map { " (did you mean \($0)?)" } ?? ""),
                at: location)
        }
        guard groups != nil, plain.arguments.count == 1, !isWildcard(plain.arguments[0]) else {
            return try AggregateBinding.bind(plain, at: location, binder: self)
        }
        let alias = "__window_argument"
        var aliased = self
        aliased.aliases[alias] = try bind(plain.arguments[0])
        plain.arguments[0] = Expression(
            kind: .column(QualifiedName(parts: [Identifier(name: alias, location: location)])), location: location)
        return try AggregateBinding.bind(plain, at: location, binder: aliased)
    }

    private func isWildcard(_ expression: Expression) -> Bool {
        if case .wildcard = expression.kind { return true }
        return false
    }

    private mutating func bindWindow(_ specification: WindowSpecification) throws -> WindowDefinition {
        let partitionBy = try specification.partitionBy.map { try bind($0) }
        let orderBy = try specification.orderBy.map { item in
            let ascending = item.direction != .descending
            return SortExpression(
                expression: try bind(item.expression), ascending: ascending,
                nullsFirst: item.nulls.map { $0 == .first } ?? ascending)
        }
        var frame = orderBy.isEmpty ? BoundWindowFrame.partition : BoundWindowFrame.upToPeers
        if let written = specification.frame {
            frame = BoundWindowFrame(
                isRange: written.units == .range, start: try frameBound(written.start),
                end: try frameBound(written.end))
            if frame.isRange, [frame.start, frame.end].contains(where: Self.hasOffset) {
                throw SQLAnalysisError(
                    "RANGE frames with offsets are not supported yet (use ROWS)", at: specification.location)
            }
            if frame.start == .unboundedFollowing || frame.end == .unboundedPreceding {
                throw SQLAnalysisError("the window frame \(frame) is empty", at: specification.location)
            }
        }
        return WindowDefinition(partitionBy: partitionBy, orderBy: orderBy, frame: frame)
    }

    private static func hasOffset(_ bound: BoundWindowFrame.Bound) -> Bool {
        switch bound {
        case .preceding, .following: return true
        default: return false
        }
    }

    private func frameBound(_ bound: FrameBound) throws -> BoundWindowFrame.Bound {
        switch bound {
        case .unboundedPreceding: return .unboundedPreceding
        case .unboundedFollowing: return .unboundedFollowing
        case .currentRow: return .currentRow
        case .preceding(let rows): return .preceding(try constantInteger(rows, "a frame offset", allowsNegative: false))
        case .following(let rows): return .following(try constantInteger(rows, "a frame offset", allowsNegative: false))
        }
    }

    private func constantInteger(_ expression: Expression, _ what: String, allowsNegative: Bool = true) throws -> Int {
        var input = inputBinder
        let bound = try input.bind(expression)
        guard case .literal(let scalar) = bound, TypeCoercion.isInteger(scalar.dataType),
            case .integer(let value)? = scalar.payload, let integer = Int(exactly: value),
            allowsNegative || integer >= 0
        else {
            throw SQLAnalysisError(
                "\(what) must be \(allowsNegative ? "an" : "a non-negative") integer constant", at: expression.location)
        }
        return integer
    }
}

/// Where the window functions of a SELECT go in its plan.
enum WindowBinding {
    /// A window node above `input` (after aggregation and HAVING, before DISTINCT and ORDER BY), and
    /// the select items with their placeholder columns renumbered to the window's output.
    static func placed(_ windows: WindowCollector, above input: LogicalPlan, items: [NamedExpression])
        -> (LogicalPlan, [NamedExpression])
    {
        let mapping = windows.columnMapping(inputCount: input.schema.fields.count)
        let renumbered = items.map {
            NamedExpression(name: $0.name, expression: $0.expression.remappingColumns(mapping))
        }
        return (.window(input, windows.calls), renumbered)
    }
}
