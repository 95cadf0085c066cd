import SluiceCore

/// The rule for names users choose (jobs, tasks, connections): they end up in paths, Airflow DAG
/// ids and log lines, so they stay plain.
enum Naming {
    static let rule = "use letters, digits, '_' and '-', starting with a letter"

    static func isName(_ name: String) -> Bool {
        name.first?.isLetter == true && PlainIdentifier.isValid(name, alsoAllowing: ["-"])
    }

    /// A SQL identifier: a table, column or view name that needs no quoting anywhere.
    static func isIdentifier(_ name: String) -> Bool { PlainIdentifier.isValid(name) }

    static let identifierRule = PlainIdentifier.rule
}
