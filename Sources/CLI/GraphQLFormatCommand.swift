import Foundation
import GraphQL

/// `dbt-metadata graphql format [FILE|-]`: prints a GraphQL document in canonical form.
///
/// Reads the file (or standard input for `-` or no argument), parses it with the full
/// grammar (executable and type system documents) and prints it as graphql-js's `print`
/// does. The file is the operator's own, so the request token limit (15,000) does not apply:
/// an 8 MB SDL file formats, as with graphql-js's `print(parse(...))`; the nesting limit
/// stays (it guards the stack, not the time). A syntax error prints `FILE:line:column: Syntax Error: ...` and exits 1; a file that
/// cannot be read exits 1; bad usage exits 64.
enum GraphQLFormatCommand: Command {
  static let name = "format"
  static let summary = "Print a GraphQL document in canonical form"
  static let usage = """
    usage: dbt-metadata graphql format [FILE|-]

    Parses a GraphQL document (queries or SDL) and prints it in canonical form
    (graphql-js's print). Reads standard input when FILE is '-' or missing.
    On a syntax error prints FILE:line:column: message and exits 1.

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let path = arguments.positional() ?? "-"
    try arguments.finish()
    let name = path == "-" ? "<stdin>" : path
    let bytes: [UInt8]
    if path == "-" {
      bytes = output.readInput()
    } else {
      do {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      } catch {
        output.error("error: cannot read \(path): \(describe(error))\n")
        return ExitCode.failure
      }
    }
    do {
      let document = try parse(
        Source(bytes: bytes, name: name), options: ParseOptions(maxTokens: nil))
      output.write(Printer.print(document) + "\n")
      return ExitCode.success
    } catch {
      let location = error.locations.first.map { "\($0.line):\($0.column): " } ?? ""
      output.error("\(name):\(location)\(error.message)\n")
      return ExitCode.failure
    }
  }

  /// A short reason for a file error (no such file, permission denied...).
  private static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
