// libFuzzer entry point for the GraphQL lexer, parser and printer (see README.md).
//
// Oracle, for every input: the lexer and the parser never crash or hang; a document that
// parses prints to text that parses again to the same AST (locations aside), and printing
// that AST gives the same text.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = Source(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
  _ = try? Lexer.tokens(in: source)
  let options = ParseOptions(noLocation: true)
  guard let document = try? parse(source, options: options) else { return 0 }
  let printed = Printer.print(document)
  do {
    let reparsed = try parse(printed, options: ParseOptions(maxTokens: nil, noLocation: true))
    if reparsed != document {
      fatalError("parse(print(ast)) != ast for printed text:\n\(printed)")
    }
    if Printer.print(reparsed) != printed {
      fatalError("print is not idempotent for:\n\(printed)")
    }
  } catch {
    fatalError("printed document does not parse: \(error)\n\(printed)")
  }
  return 0
}
