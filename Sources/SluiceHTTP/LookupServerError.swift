import SluiceCore

/// Why the lookup service cannot start as asked. Exit code 2.
public enum LookupServerError: SluiceError, Equatable {
    /// `--token-env` names a variable that is unset or empty: serving without the token the
    /// operator asked for would open every table.
    case tokenVariableUnset(variable: String)

    public var category: FailureCategory { .usage }

    public var description: String {
        switch self {
        case .tokenVariableUnset(let variable):
            return "the token variable \(variable) (--token-env) is unset or empty; set it to the bearer token "
                + "clients must send"
        }
    }
}
