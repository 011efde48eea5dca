/// A macro's body and signature.
public struct MacroDefinition: Sendable {
  let sqlText: LazyString?
  /// `macro_sql`, decoded on access (macros are the largest part of most manifests).
  public var macroSQL: String? { sqlText?.value }
  /// `arguments` as written.
  public let arguments: RawJSON?
  /// `supported_languages` (v7+).
  public let supportedLanguages: [String]
}
