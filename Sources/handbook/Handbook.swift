import ArgumentParser
import CMimalloc
import Foundation

/// The `handbook` command: builds the patient handbook from Markdown.
@main
struct Handbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build the patient-education handbook from Content/ and Templates/ into Public/.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self]
    )

    /// Runs a command, mapping argument-parser's usage errors (EX_USAGE, 64, on Linux)
    /// to exit status 2 as the README documents. Commands throw ``ExitCode`` 0, 1 or 2 themselves.
    static func main() async {
        // The only call into mimalloc, and what links it: listed before libc, it then serves
        // every allocation of the process. A build allocates and frees millions of small
        // strings and arrays; with mimalloc it takes about 5% less time and CPU than with glibc.
        _ = mi_version()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Self.exit(withError: code)
        } catch {
            // Help and version requests exit 0 and print themselves.
            if exitCode(for: error) == .success { Self.exit(withError: error) }
            printError(fullMessage(for: error))
            Self.exit(withError: ExitCode.usageOrIO)
        }
    }
}

extension ExitCode {
    /// Content or template errors: the author has something to fix.
    static let contentErrors = ExitCode(1)
    /// Bad arguments, or a file the tool could not read or write.
    static let usageOrIO = ExitCode(2)
}

/// Prints to standard error, where diagnostics and failures go.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
