/// The one rule for names that must need no quoting anywhere (SQL identifiers, environment
/// variables, template placeholders): ASCII letters, digits and `_`, not starting with a digit.
public enum PlainIdentifier {
    public static let rule = "use letters, digits and '_', not starting with a digit"

    /// True when `text` follows the rule; `extra` allows more characters after the first (e.g. `-`).
    public static func isValid(_ text: some StringProtocol, alsoAllowing extra: Set<Unicode.Scalar> = []) -> Bool {
        guard let first = text.unicodeScalars.first, isLetter(first) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy {
            isLetter($0) || ("0"..."9").contains($0) || $0 == "_" || extra.contains($0)
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
