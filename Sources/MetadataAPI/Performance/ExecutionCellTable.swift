import MetadataStore

/// One environment's model execution aggregates by day, job and model
/// (``MetadataStore/ModelExecutionCellRecord``), laid out so that any window of days is a
/// contiguous run of cells: `performance`'s model statistics over a window are then sums
/// over that run, with no SQL (see ``ExecutionCellCache``).
///
/// Immutable: an ingest gives a new table (``adding(_:generation:)``).
struct ExecutionCellTable: Sendable {
  /// The highest execution row id the cells include.
  let generation: Int64
  /// Distinct days, ascending (`YYYY-MM-DD` sorts as dates).
  let days: [String]
  /// The cells of day `d` are `cells[dayStarts[d]..<dayStarts[d + 1]]`.
  let dayStarts: [Int]
  let cells: [Cell]
  /// Models by dense index: node row id and unique id.
  let nodeIDs: [Int64]
  let uniqueIDs: [String]

  struct Cell: Sendable {
    var node: Int32
    var jobID: Int
    var executions: Int
    var failures: Int
    var timedExecutions: Int
    var executionTimeSum: Double
    var longestExecutionTime: Double?
  }

  var cellCount: Int { cells.count }

  /// The table of `records` (cells read at `generation`).
  init(_ records: [ModelExecutionCellRecord], generation: Int64) {
    self.init(merging: [:], records, generation: generation)
  }

  private struct Key: Hashable {
    let day: String
    let jobID: Int
    let nodeID: Int64
  }

  private init(
    merging existing: [Key: (uniqueID: String, cell: Cell)],
    _ records: [ModelExecutionCellRecord], generation: Int64
  ) {
    var all = existing
    for record in records {
      let key = Key(day: record.day, jobID: record.jobID, nodeID: record.nodeID)
      let added = Cell(
        node: 0, jobID: record.jobID, executions: record.executions, failures: record.failures,
        timedExecutions: record.timedExecutions, executionTimeSum: record.executionTimeSum,
        longestExecutionTime: record.longestExecutionTime)
      if var known = all[key] {
        known.cell.add(added)
        all[key] = known
      } else {
        all[key] = (record.uniqueID, added)
      }
    }
    var nodeIndex: [Int64: Int32] = [:]
    var nodeIDs: [Int64] = []
    var uniqueIDs: [String] = []
    for (key, value) in all where nodeIndex[key.nodeID] == nil {
      nodeIndex[key.nodeID] = Int32(nodeIDs.count)
      nodeIDs.append(key.nodeID)
      uniqueIDs.append(value.uniqueID)
    }
    let sorted = all.sorted { $0.key.day < $1.key.day }
    var days: [String] = []
    var dayStarts: [Int] = []
    var cells: [Cell] = []
    cells.reserveCapacity(sorted.count)
    for (key, value) in sorted {
      if days.last != key.day {
        days.append(key.day)
        dayStarts.append(cells.count)
      }
      var cell = value.cell
      cell.node = nodeIndex[key.nodeID] ?? 0
      cells.append(cell)
    }
    dayStarts.append(cells.count)
    self.generation = generation
    self.days = days
    self.dayStarts = dayStarts
    self.cells = cells
    self.nodeIDs = nodeIDs
    self.uniqueIDs = uniqueIDs
  }

  /// This table with the cells of newer executions added (cells of the same day, job and
  /// model are summed: counts and sums add, maxima take the larger).
  func adding(_ records: [ModelExecutionCellRecord], generation: Int64) -> ExecutionCellTable {
    guard !records.isEmpty else {
      return ExecutionCellTable(copying: self, generation: generation)
    }
    var existing: [Key: (uniqueID: String, cell: Cell)] = [:]
    existing.reserveCapacity(cells.count + records.count)
    for (index, day) in days.enumerated() {
      for cell in cells[dayStarts[index]..<dayStarts[index + 1]] {
        let node = Int(cell.node)
        existing[Key(day: day, jobID: cell.jobID, nodeID: nodeIDs[node])] = (uniqueIDs[node], cell)
      }
    }
    return ExecutionCellTable(merging: existing, records, generation: generation)
  }

  private init(copying table: ExecutionCellTable, generation: Int64) {
    self.generation = generation
    days = table.days
    dayStarts = table.dayStarts
    cells = table.cells
    nodeIDs = table.nodeIDs
    uniqueIDs = table.uniqueIDs
  }

  // MARK: - Window statistics

  /// What ``MetadataStore/modelExecutionStats`` answers, from the cells: the models with
  /// executions in the window (of job `jobID` when given) ordered by `order` then unique id
  /// (byte order, as SQLite's `BINARY`), at most `limit`, each with its jobs (at most
  /// `jobLimit`, by the same measure, then job id).
  ///
  /// Counts, failures and maxima are exact; averages are the sums over the window's cells
  /// divided by the timed executions, so they can differ from SQL's `avg` over single
  /// executions in the last bits of the double (the summation order differs).
  func stats(
    window: DayWindow, jobID: Int?, order: ModelExecutionOrder, limit: Int, jobLimit: Int
  ) -> [ModelExecutionStatsRecord] {
    let range = cellRange(window)
    var totals = [Totals](repeating: Totals(), count: nodeIDs.count)
    for cell in cells[range] where jobID == nil || cell.jobID == jobID {
      totals[Int(cell.node)].add(cell)
    }
    var chosen: [Int] = []
    for node in totals.indices where totals[node].executions > 0 {
      if order == .failures && totals[node].failures == 0 { continue }
      chosen.append(node)
    }
    chosen.sort { a, b in
      switch Self.compare(totals[a], totals[b], order) {
      case .some(let before): return before
      case .none: return uniqueIDs[a].utf8.lexicographicallyPrecedes(uniqueIDs[b].utf8)
      }
    }
    if chosen.count > limit { chosen.removeLast(chosen.count - limit) }
    var jobs: [Int: [Int: Totals]] = [:]
    if jobLimit > 0 && !chosen.isEmpty {
      let wanted = Set(chosen)
      for cell in cells[range]
      where (jobID == nil || cell.jobID == jobID) && wanted.contains(Int(cell.node)) {
        jobs[Int(cell.node), default: [:]][cell.jobID, default: Totals()].add(cell)
      }
    }
    return chosen.map { node in
      let byJob = (jobs[node] ?? [:]).sorted { a, b in
        Self.compareJobs(a.value, b.value, order) ?? (a.key < b.key)
      }.prefix(jobLimit).map { job, totals in
        ModelExecutionStatsRecord.Job(
          jobID: job, totalExecutions: totals.executions, failedExecutions: totals.failures,
          maxExecutionTime: totals.longest, averageExecutionTime: totals.average)
      }
      let totals = totals[node]
      return ModelExecutionStatsRecord(
        uniqueID: uniqueIDs[node], totalExecutions: totals.executions,
        failedExecutions: totals.failures, maxExecutionTime: totals.longest,
        averageExecutionTime: totals.average, byJob: Array(byJob))
    }
  }

  /// The cells of the window's days.
  func cellRange(_ window: DayWindow) -> Range<Int> {
    let first = days.partitioningIndex { $0 >= window.start }
    let end = days.partitioningIndex { $0 > window.end }
    guard first < end else { return 0..<0 }
    return dayStarts[first]..<dayStarts[end]
  }

  /// Sums over cells.
  struct Totals {
    var executions = 0
    var failures = 0
    var timedExecutions = 0
    var executionTimeSum = 0.0
    var longest: Double?

    mutating func add(_ cell: Cell) {
      executions += cell.executions
      failures += cell.failures
      timedExecutions += cell.timedExecutions
      executionTimeSum += cell.executionTimeSum
      if let time = cell.longestExecutionTime { longest = max(longest ?? time, time) }
    }

    /// SQL's `avg`: nil without a timed execution.
    var average: Double? {
      timedExecutions == 0 ? nil : executionTimeSum / Double(timedExecutions)
    }
  }

  /// Whether `a` comes before `b` in the models' order (the store's `statsOrder`), nil on
  /// a tie. Descending measures put nil (SQL NULL, the smallest value) last.
  static func compare(_ a: Totals, _ b: Totals, _ order: ModelExecutionOrder) -> Bool? {
    switch order {
    case .executions: return descending(a.executions, b.executions)
    case .averageTime: return descending(a.average, b.average)
    case .maxTime: return descending(a.longest, b.longest)
    case .failures:
      if let first = descending(a.failures, b.failures) { return first }
      return descending(
        Double(a.failures) / Double(a.executions), Double(b.failures) / Double(b.executions))
    }
  }

  /// The jobs' order (the store's `jobOrder`): the measure alone, nil on a tie.
  static func compareJobs(_ a: Totals, _ b: Totals, _ order: ModelExecutionOrder) -> Bool? {
    switch order {
    case .executions: return descending(a.executions, b.executions)
    case .averageTime: return descending(a.average, b.average)
    case .maxTime: return descending(a.longest, b.longest)
    case .failures: return descending(a.failures, b.failures)
    }
  }

  private static func descending<T: Comparable>(_ a: T, _ b: T) -> Bool? {
    a == b ? nil : a > b
  }

  private static func descending(_ a: Double?, _ b: Double?) -> Bool? {
    switch (a, b) {
    case (nil, nil): return nil
    case (nil, _): return false
    case (_, nil): return true
    case (let a?, let b?): return a == b ? nil : a > b
    }
  }
}

extension ExecutionCellTable.Cell {
  /// Adds another cell of the same day, job and model.
  mutating func add(_ other: ExecutionCellTable.Cell) {
    executions += other.executions
    failures += other.failures
    timedExecutions += other.timedExecutions
    executionTimeSum += other.executionTimeSum
    if let time = other.longestExecutionTime {
      longestExecutionTime = max(longestExecutionTime ?? time, time)
    }
  }
}

extension Array {
  /// The first index whose element satisfies `predicate`, for a predicate false then true
  /// along the array (binary search).
  fileprivate func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if predicate(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
