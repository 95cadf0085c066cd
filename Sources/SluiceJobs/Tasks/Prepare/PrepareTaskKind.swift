import Foundation
import SluiceCore

/// `kind: prepare`: read lake datasets as views, run the job's Spark SQL, write the result as a
/// new run folder of parquet parts with `_SUCCESS` last.
public struct PrepareTaskKind: TaskKind {
    public init() {}

    public var name: String { "prepare" }
    public var configurationKeys: [String] { ["sources", "sql", "output"] }

    static let formats = ["parquet"]

    public func configure(_ settings: ConfigMapping, in context: TaskConfigurationContext) -> (any ConfiguredTask)? {
        let sources = settings.value("sources", required: true).flatMap { readSources($0, context: context) }
        let sql = settings.value("sql", required: true).flatMap { readSQL($0, context: context) }
        let output = context.lakeLocation(
            settings.mapping("output", knownKeys: TaskConfigurationContext.lakeLocationKeys, required: true))
        guard let sources, let sql, let output else { return nil }
        return PrepareTask(sources: sources, sqlFile: sql.file, sql: sql.template, output: output)
    }

    private func readSources(_ node: ConfigNode, context: TaskConfigurationContext) -> [SourceView]? {
        guard let entries = node.entries() else { return nil }
        let views = entries.compactMap { name, value -> SourceView? in
            guard Naming.isIdentifier(name) else {
                value.report("\"\(name)\" is not a valid view name: \(Naming.identifierRule)")
                return nil
            }
            let mapping = value.mapping(knownKeys: TaskConfigurationContext.lakeLocationKeys + ["format"])
            var format = "parquet"
            if let formatNode = mapping?.value("format"), let text = formatNode.string() {
                if Self.formats.contains(text) {
                    format = text
                } else {
                    formatNode.report(
                        "unsupported format \"\(text)\"; supported: \(Self.formats.joined(separator: ", "))")
                }
            }
            return context.lakeLocation(mapping).map { SourceView(name: name, location: $0, format: format) }
        }
        return views.count == entries.count ? views : nil
    }

    private func readSQL(_ node: ConfigNode, context: TaskConfigurationContext) -> (file: URL, template: Template)? {
        guard let file = context.jobFile(node) else { return nil }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            node.report("\(file.lastPathComponent): \(FileProblem.describe(file))")
            return nil
        }
        guard let template = context.template(text, reportingTo: node) else { return nil }
        return (file, template)
    }
}
