import SluiceCore

/// One word of a bash command line: the generated tasks run `sluice` through BashOperator, so paths
/// and names are quoted for the shell, and kept from Airflow's Jinja templating.
enum ShellWord {
    /// `text` as one shell word: bare when it holds only safe characters, else single-quoted.
    static func quoted(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || "-_./=:,+@%".unicodeScalars.contains(scalar)
            }
        return safe ? text : "'" + text.replacingAll("'", with: #"'\''"#) + "'"
    }

    /// Text Jinja passes through unchanged: a `{{`, `{%` or `{#` inside goes in a raw block.
    static func jinjaLiteral(_ text: String) -> String {
        guard text.contains("{{") || text.contains("{%") || text.contains("{#") else { return text }
        return "{% raw %}" + text + "{% endraw %}"
    }
}

extension ShellWord {
    /// A word for a command Airflow renders as a Jinja template: quoted, then kept literal.
    static func templateWord(_ text: String) -> String {
        jinjaLiteral(quoted(text))
    }
}
