#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where logs and progress lines go: standard error (standard output carries results), or a
/// closure in tests.
public struct LineSink: Sendable {
    public let write: @Sendable (String) -> Void
    public let isTerminal: Bool

    public init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    /// The process's standard error.
    public static var standardError: LineSink {
        LineSink(isTerminal: isatty(STDERR_FILENO) == 1) { text in
            writeAll(Array(text.utf8), to: STDERR_FILENO)
        }
    }
}

/// One write(2) per line (retried only if the kernel writes part of it) keeps lines from
/// concurrent tasks whole.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
