/// The projects a permission set applies to: every project of the account, or a list.
///
/// dbt Cloud: "each permission set on a token applies to all projects or to specific
/// projects" (`../shared/reference/dbt-metadata-api.md`, section 3.3).
public enum ProjectScope: Sendable, Hashable {
  /// Every project of the account, present and future.
  case allProjects
  /// Only these projects (sorted, without duplicates).
  case projects([Int])

  /// A scope over the listed projects, or every project when the list is empty.
  public init(projects: [Int]) {
    self = projects.isEmpty ? .allProjects : .projects(Array(Set(projects)).sorted())
  }

  /// Whether the scope covers `projectID`; `nil` (an account-wide request that names no
  /// project) is covered only by ``allProjects``.
  public func covers(_ projectID: Int?) -> Bool {
    switch self {
    case .allProjects: return true
    case .projects(let list):
      guard let projectID else { return false }
      return list.contains(projectID)
    }
  }

  /// "all projects" or "projects 1, 2", for messages and listings.
  public var description: String {
    switch self {
    case .allProjects: "all projects"
    case .projects(let list):
      (list.count == 1 ? "project " : "projects ") + list.map(String.init).joined(separator: ", ")
    }
  }
}
