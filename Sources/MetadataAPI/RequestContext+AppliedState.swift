import MetadataStore

extension RequestContext {
  /// The applied state (``AppliedState``) of environment `id` as the request's snapshot
  /// has it, from the API's cache (``AppliedStateCache``): the kept state when its
  /// generation is the snapshot's; else nil (the request reads SQL), and when `build` is
  /// true a build of the state is started off the request thread (or, in
  /// ``AppliedStateBuilding/inline`` mode, one is read now, kept and answered). Nil too when
  /// the request runs without the cache or for an environment not in the account. The generation is read once per request and
  /// environment, and a state found is used by every later read of the request.
  ///
  /// - Parameter build: whether to build the whole state when none is kept: true for reads
  ///   that would otherwise walk the environment's nodes (a page without `uniqueIds`);
  ///   false for narrow ones (one model by unique id), which read less in SQL than a
  ///   first build would.
  func appliedState(_ id: Int, build: Bool) throws -> AppliedState? {
    guard let cache = appliedStates else { return nil }
    let key = "applied-state:\(id)"
    if let kept = memoizedValue(key, as: AppliedState.self) { return kept }
    // A narrow read does not build: without a kept state, it reads SQL at once.
    if !build && !cache.keepsState(of: id) { return nil }
    let generation = try memoized("applied-state-generation:\(id)") {
      try store.appliedStateGeneration(accountID: accountID, environmentID: id)
    }
    guard let generation,
      let state = try cache.state(
        store: store, accountID: accountID, environmentID: id, generation: generation,
        build: build, environment: { try store.environment(accountID: accountID, id: id) })
    else { return nil }
    memo[key] = state
    return state
  }

  /// The applied state this request read for environment `id` (by ``appliedState(_:build:)``),
  /// if any: nested fields of its nodes read it without another statement.
  func keptAppliedState(_ id: Int) -> AppliedState? {
    memoizedValue("applied-state:\(id)", as: AppliedState.self)
  }
}
