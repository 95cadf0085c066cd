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
        } catch let error as any SluiceError {
            printError(error.description)
            exit(error.category.exitCode)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch {
            let code = SluiceCommand.exitCode(for: error)
            let message = SluiceCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            // ArgumentParser starts its messages with "Error: "; ours already say "error: ".
            printError(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            exit(FailureCategory.usage.exitCode)
        }
    }

    static func printError(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        LineSink.standardError.write(lines.map { "error: \($0)" }.joined(separator: "\n") + "\n")
    }
}
