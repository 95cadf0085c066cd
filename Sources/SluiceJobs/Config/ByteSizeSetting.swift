import SluiceCore

/// Sizes in configuration (`8GiB`, `512m`, a plain number of bytes), reported against the node.
enum ByteSizeSetting {
    static func bytes(_ node: ConfigNode) -> Int? {
        guard let text = node.string() else { return nil }
        guard let bytes = ByteSizeText.parse(text), let value = Int(exactly: bytes) else {
            node.report("expected a size such as 8GiB or 512m, got \"\(node.shown(text))\"")
            return nil
        }
        return value
    }
}
