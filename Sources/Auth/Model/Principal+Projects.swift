extension Principal {
  /// A project that one of the principal's permission sets of `kinds` covers: nil when
  /// one covers all projects, or for a user, whose role rather than a project decides.
  ///
  /// Why: a request that names its project only later (in its body, or per root field)
  /// is first checked against a project the principal could act in, so a token without
  /// any such right is refused before the work starts.
  public func someCoveredProject(by kinds: Set<PermissionSet.Kind>) -> Int? {
    guard case .service(let sets) = identity else { return nil }
    var listed: Int?
    for set in sets where kinds.contains(set.kind) {
      switch set.scope {
      case .allProjects: return nil
      case .projects(let projects): listed = listed ?? projects.first
      }
    }
    return listed
  }
}
