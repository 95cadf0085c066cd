import ArgumentParser
import SluiceCore
import SluiceJobs

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses the command line, runs the command, and turns failures into the documented exit codes:
/// 0 ok, 1 a task failed, 2 usage or configuration error, 3 a validation refused to switch.
@main
enum SluiceMain {
    static func main() async {
        do {
            var command = try SluiceCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch {
            let message = SluiceCommand.fullMessage(for: error)
            switch SluiceCommand.exitCode(for: error) {
            case .success:
                print(message)
                exit(0)
            case .validationFailure where !(error is any SluiceError):
                // ArgumentParser starts its messages with "Error: "; ours already say "error: ".
                printError(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
                exit(FailureCategory.usage.exitCode)
            default:
                printError(String(describing: error))
                exit(FailureCategory(of: error).exitCode)
            }
        }
    }

    static func printError(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        LineSink.standardError.write(lines.map { "error: \($0)" }.joined(separator: "\n") + "\n")
    }
}
