import Foundation
import Yams

/// Reads one YAML file of the project into a `ConfigNode`, turning syntax errors, duplicate
/// keys and unreadable files into `ConfigIssue`s with a line number.
enum YAMLFile {
    static func load(
        _ url: URL,
        displayName: String,
        diagnostics: ConfigDiagnostics,
        interpolation: EnvironmentInterpolation
    ) -> ConfigNode? {
        let fileLocation = ConfigLocation(file: displayName)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            diagnostics.report(FileProblem.describe(url), at: fileLocation)
            return nil
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            diagnostics.report(
                message,
                at: ConfigLocation(file: displayName, line: mark?.line, column: mark?.column)
            )
            return nil
        } catch {
            diagnostics.report("YAML error: \(error)", at: fileLocation)
            return nil
        }
        guard let node else {
            diagnostics.report("the file is empty", at: fileLocation)
            return nil
        }
        return ConfigNode(
            node: node,
            location: ConfigLocation(file: displayName, line: node.mark?.line, column: node.mark?.column),
            diagnostics: diagnostics,
            interpolation: interpolation
        )
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml reports where it gave up; the context says what it was parsing and where that began.
            let detail =
                context.map { " \($0.text) that starts at line \($0.mark.line), column \($0.mark.column)" } ?? ""
            return ("YAML syntax error: \(problem)\(detail)", mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return ("duplicate key \(keys) in a mapping", context.mark)
        case .reader(let problem, _, _, _):
            return ("cannot read the file: \(problem)", nil)
        default:
            return ("YAML error: \(error)", nil)
        }
    }
}
