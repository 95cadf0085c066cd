/// JSON string literals, written by hand because log lines are hot and JSONEncoder is not.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        BackslashEscaping.quoted(text, quote: "\"")
    }
}
