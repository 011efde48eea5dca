import Foundation
import GraphQL

/// `dbt-metadata graphql validate --schema FILE [DOCUMENT|-]`: validates a document against
/// a schema written in SDL.
///
/// Prints each validation error (or the syntax error) as one JSON object per line, with
/// `message` and `locations`, as a GraphQL response would carry it, and exits 1 when there
/// are any; prints nothing and exits 0 for a valid document. An unreadable file or an
/// invalid schema exits 1 with `FILE:line:column: message` on standard error; bad usage
/// exits 64. Custom scalars are the schema's own: none is coerced by its name (a schema may
/// declare a `DateTime` of any shape), so, as with graphql-js's `buildSchema`, a custom
/// scalar accepts any literal or variable value. Scalars belong to the application, which
/// binds the coercions it serves (the metadata API binds its own in `MetadataAPI`).
enum GraphQLValidateCommand: Command {
  static let name = "validate"
  static let summary = "Validate a document against a schema"
  static let usage = """
    usage: dbt-metadata graphql validate --schema FILE [DOCUMENT|-]

    Validates a GraphQL document (read from standard input when DOCUMENT is '-' or
    missing) against the schema in FILE (SDL), with every rule of the specification.
    Prints one JSON object per error: {"message":...,"locations":[{"line":..,"column":..}]}
    and exits 1 when there are errors, 0 when the document is valid.

    """

  static func run(_ arguments: inout Arguments, output: CommandOutput) throws -> Int32 {
    let schemaPath = try arguments.required("--schema")
    let documentPath = arguments.positional() ?? "-"
    try arguments.finish()

    guard let schemaBytes = read(schemaPath, output: output) else { return ExitCode.failure }
    let schema: GraphQLSchema
    do {
      let source = Source(bytes: schemaBytes, name: schemaPath)
      let document = try parse(source, options: ParseOptions(maxTokens: nil))
      schema = try GraphQLSchema(document: document, source: source)
    } catch {
      let location = error.locations.first.map { "\($0.line):\($0.column): " } ?? ""
      output.error("\(schemaPath):\(location)\(error.message)\n")
      return ExitCode.failure
    }

    let name = documentPath == "-" ? "<stdin>" : documentPath
    let bytes: [UInt8]
    if documentPath == "-" {
      bytes = output.readInput()
    } else {
      guard let read = read(documentPath, output: output) else { return ExitCode.failure }
      bytes = read
    }
    let source = Source(bytes: bytes, name: name)
    let errors: [GraphQLError]
    do {
      let document = try parse(source)
      errors = validate(schema: schema, document: document, source: source)
    } catch {
      errors = [error]
    }
    for error in errors {
      var object = JSONObject()
      object.append("message", .string(error.message))
      if !error.locations.isEmpty {
        object.append(
          "locations",
          .list(
            error.locations.map {
              .object(JSONObject([("line", .int($0.line)), ("column", .int($0.column))]))
            }))
      }
      output.write(JSONValue.object(object).serialized() + "\n")
    }
    return errors.isEmpty ? ExitCode.success : ExitCode.failure
  }

  private static func read(_ path: String, output: CommandOutput) -> [UInt8]? {
    do {
      return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      output.error("error: cannot read \(path): \((error as NSError).localizedDescription)\n")
      return nil
    }
  }
}
