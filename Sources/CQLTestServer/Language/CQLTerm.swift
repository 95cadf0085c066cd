/// A value in a statement: a literal, a bind marker, or a function call such as `now()`.
indirect enum CQLTerm: Sendable {
    case string(String)
    case number(String)
    case boolean(Bool)
    case null
    case blob([UInt8])
    case uuid(String)
    case duration(String)
    case list([CQLTerm])
    /// `{a, b}`; `{}` is an empty set or map, whichever the column is.
    case set([CQLTerm])
    case map([(key: CQLTerm, value: CQLTerm)])
    /// `(a, b)`: a tuple.
    case tuple([CQLTerm])
    /// `{field: value}`: a user-defined type's value.
    case udt([(field: String, value: CQLTerm)])
    /// The n-th bind marker of the statement; `name` for `:name`.
    case marker(index: Int, name: String?)
    case function(String, [CQLTerm])
}
