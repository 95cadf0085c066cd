/// One lexical token of a CQL statement, with where it starts (for error messages).
struct CQLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// An unquoted name or keyword, lowercased (CQL folds unquoted names).
        case word(String)
        /// A double-quoted name, case kept.
        case quotedName(String)
        case string(String)
        /// Digits with an optional sign, fraction and exponent, kept as written.
        case number(String)
        case hexBlob([UInt8])
        case uuid(String)
        /// `1h30m`, `P1DT2H`: kept as written.
        case duration(String)
        /// `?`
        case marker
        /// `:name`
        case namedMarker(String)
        /// Punctuation and operators: `(`, `<=`, `!=`, …
        case symbol(String)
        case end
    }

    var kind: Kind
    /// Offset in the statement's text.
    var offset: Int
}
