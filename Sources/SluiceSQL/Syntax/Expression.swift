/// An expression and where it was written. The location is the token that names the node: the
/// operator of `a + b`, `IS` of `x IS NULL`, the first token of anything else — where a binder
/// error ("cannot add STRING and INT") should point.
public struct Expression: Sendable, Hashable {
    public var kind: Kind
    @NodeLocation public var location: SourceLocation

    public indirect enum Kind: Sendable, Hashable {
        case literal(Literal)
        /// A column, possibly qualified (`user_id`, `e.user_id`), or a struct field path.
        case column(QualifiedName)
        /// `*` or `t.*`: only as a select item or a function argument (`count(*)`).
        case wildcard(qualifier: QualifiedName?)
        /// `expression.name` on something other than a plain name: `items[0].sku`, `(s).x`.
        case field(Expression, Identifier)
        /// `array[index]`, `map[key]`.
        case `subscript`(Expression, Expression)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `x IS [NOT] NULL`.
        case isNull(Expression, negated: Bool)
        /// `x IS [NOT] TRUE | FALSE | UNKNOWN` (UNKNOWN is `nil`).
        case isBoolean(Expression, Bool?, negated: Bool)
        case inList(Expression, [Expression], negated: Bool)
        case inSubquery(Expression, Query, negated: Bool)
        case between(Expression, low: Expression, high: Expression, negated: Bool)
        case pattern(PatternMatch)
        case `case`(CaseExpression)
        /// `CAST(x AS t)`, `x::t`, or `TRY_CAST(x AS t)` (which gives NULL instead of failing).
        case cast(Expression, SQLType, isTry: Bool)
        case exists(Query)
        /// A subquery used as a value: `(SELECT max(ts) FROM events)`.
        case subquery(Query)
        case function(FunctionCall)
    }

    /// How tightly this expression's outermost form binds.
    public var precedence: ExpressionPrecedence {
        switch kind {
        case .binary(let op, _, _): return op.precedence
        case .unary(.not, _): return .not
        case .unary: return .unary
        case .isNull, .isBoolean, .inList, .inSubquery, .between, .pattern: return .predicate
        case .literal, .column, .wildcard, .field, .subscript, .case, .cast, .exists, .subquery, .function:
            return .primary
        }
    }
}

/// `value [NOT] LIKE pattern [ESCAPE 'c']`, and the ILIKE and RLIKE forms.
public struct PatternMatch: Sendable, Hashable {
    public var op: PatternOperator
    public var value: Expression
    public var pattern: Expression
    /// The escape character of `LIKE … ESCAPE '!'` (Spark's default is backslash).
    public var escape: String?
    public var negated: Bool
}

/// `CASE [operand] WHEN … THEN … [ELSE …] END`. With an operand, each `when` is compared to it.
public struct CaseExpression: Sendable, Hashable {
    public struct Branch: Sendable, Hashable {
        public var when: Expression
        public var then: Expression
    }

    public var operand: Expression?
    public var branches: [Branch]
    public var otherwise: Expression?
}
