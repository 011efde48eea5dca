/// The selector methods evaluated here (dbt's `MethodName`, less those that need state
/// dbt Cloud alone has: `state`, `result`, `source_status`, `version`, `wildcard`).
enum SelectorMethod: String, CaseIterable, Equatable {
  case fqn, tag, source, path, file, package, config
  case resourceType = "resource_type"
  case testName = "test_name"
  case testType = "test_type"
  case exposure, metric
  case semanticModel = "semantic_model"
  case savedQuery = "saved_query"
  case unitTest = "unit_test"
  case access, group

  /// dbt's default for a bare value: `path` when it contains a path separator, `file`
  /// when it names a `.sql`, `.py` or `.csv` file, else `fqn`.
  static func defaultMethod(for value: String) -> SelectorMethod {
    if value.contains("/") || value.contains("\\") { return .path }
    if value.hasSuffix(".sql") || value.hasSuffix(".py") || value.hasSuffix(".csv") {
      return .file
    }
    return .fqn
  }
}
