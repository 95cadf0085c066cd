/// An error whose description is written for the person running Sluice: it names the file, key,
/// object or value involved, and says which exit code it ends the command with.
public protocol SluiceError: Error, CustomStringConvertible, Sendable {
    var category: FailureCategory { get }
}
