import SluiceCore

/// Python source text for values: the generated DAG files hold names, paths and commands as string
/// literals that must mean exactly what they say.
enum PythonLiteral {
    /// A double-quoted string literal. Python reads the escapes JSON uses (`\"`, `\\`, `\n`,
    /// `\u001f`) the same way; other characters stay as they are (the files are UTF-8).
    static func string(_ text: String) -> String {
        BackslashEscaping.quoted(text, quote: "\"")
    }

    /// `["a", "b"]`
    static func list(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ", ") + "]"
    }

    static func bool(_ value: Bool) -> String { value ? "True" : "False" }
}
