/// What a kernel does with a value it cannot compute (overflow, division by zero, a malformed cast).
public enum ErrorMode: Sendable, Equatable {
    /// Spark's ANSI mode (the default of Spark 4): throw a `ComputeError` naming the value.
    case ansi
    /// The `try_` functions (`try_add`, `try_divide`, `try_cast`): that row becomes null.
    case nullOnError
}
