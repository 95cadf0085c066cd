// S3 orders and matches keys by their UTF-8 bytes. Swift's own `<` and `hasPrefix` compare by
// Unicode canonical equivalence instead, which differs for decomposed characters.
extension String {
    /// Whether `self` sorts before `other` by UTF-8 bytes.
    func utf8Precedes(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// Whether `self` starts with the bytes of `prefix`.
    func utf8HasPrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// Whether `self` and `other` have the same UTF-8 bytes.
    func utf8Equals(_ other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}

extension String {
    /// The rest of `self` after the first `count` UTF-8 bytes of `prefix` (callers check the prefix).
    func utf8Dropping(prefix: String) -> String {
        String(decoding: utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }
}
