/// The version of Sluice, as `sluice version` prints it.
public enum SluiceVersion {
    public static let current = "0.1.0"
}
