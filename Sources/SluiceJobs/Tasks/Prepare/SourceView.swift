/// A prepare task's input: a lake dataset the SQL sees as a view named `name`.
public struct SourceView: Sendable, Hashable {
    public var name: String
    public var location: LakeLocation
    public var format: String
}
