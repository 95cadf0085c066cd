import ArgumentParser
import SluiceCore

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print Sluice's version.")

    func run() {
        print("sluice \(SluiceVersion.current)")
    }
}
