/// The parent value of `Environment`, `AppliedState` and `DefinitionState`: an environment
/// known to be in the request's account (checked when `environment(id:)` resolved it).
///
/// Resolvers of Parts 2 and 4 bind fields on those three types with this parent, so the
/// files binding them agree on one value.
struct EnvironmentScope: Sendable, Hashable {
  /// The environment id (dbt Cloud's).
  let environmentID: Int
}
