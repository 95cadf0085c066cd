/// Where a value sits in the project: the file (relative to the project root), the key path
/// (`tasks.save-data.target.key`) and, when known, the line and column.
public struct ConfigLocation: Sendable, Hashable {
    public var file: String
    public var keyPath: String
    public var line: Int?
    public var column: Int?

    public init(file: String, keyPath: String = "", line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
    }

    /// The location of `key` inside this mapping.
    func child(_ key: String, line: Int?, column: Int?) -> ConfigLocation {
        ConfigLocation(file: file, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)", line: line, column: column)
    }

    /// The location of the element at `index` inside this sequence.
    func element(_ index: Int, line: Int?, column: Int?) -> ConfigLocation {
        ConfigLocation(file: file, keyPath: "\(keyPath)[\(index)]", line: line, column: column)
    }

    /// `jobs/job1/job.yaml:12:7`
    public var position: String {
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}
