import Foundation
import MetadataStore

/// The model execution cells (``ExecutionCellTable``) of recently asked environments,
/// kept between requests and brought up to date by every request: `performance`'s model
/// statistics (`mostExecutedModels`, `longestExecutedModels`, `mostExecutionFailedModels`)
/// are then sums over a window's cells instead of a `GROUP BY` over every execution of
/// the window (300,000 of them for 30 days of a 3,500-model project: 290 ms in SQLite,
/// `benchmarks/README.md`, Metadata API).
///
/// Not a response cache: each request sums its own window, job and order from the cells.
/// The cells are derived data, keyed by the store's execution generation
/// (``MetadataStore/MetadataStore/executionGeneration()``): every request first reads the
/// executions stored since the generation its table holds (none, in one cheap statement,
/// until an ingest), so an answer always includes every stored result. Reading that also
/// checks the environment's account.
///
/// Bounded: at most ``maximumCells`` cells over all environments, least recently used
/// environments evicted first; an environment larger than the bound alone is not kept
/// (its requests aggregate in SQL, as without the cache). One lock guards the map; tables
/// are immutable values, built outside the lock.
final class ExecutionCellCache: @unchecked Sendable {
  /// The most cells kept, over all environments (about 64 bytes each).
  let maximumCells: Int

  private let lock = NSLock()
  /// Each environment's table weighs its cells.
  private var tables: WeightedLRU<Int, ExecutionCellTable>
  /// Environments found larger than the bound, with the generation they were read at.
  private var oversized: [Int: Int64] = [:]

  init(maximumCells: Int = 2_000_000) {
    self.maximumCells = maximumCells
    self.tables = WeightedLRU(capacity: maximumCells)
  }

  /// The environment's table, up to date with the store; nil when the environment is not
  /// in the account or is larger than the bound (the caller aggregates in SQL).
  func table(store: MetadataStore, accountID: Int, environmentID: Int) throws
    -> ExecutionCellTable?
  {
    let (known, tooLargeAt) = lock.withLock {
      (tables.value(for: environmentID), oversized[environmentID])
    }
    if let tooLargeAt {
      // Still too large unless something was stored since (then read it all again).
      guard try store.executionGeneration() != tooLargeAt else { return nil }
    }
    guard
      let (cells, generation) = try store.modelExecutionCells(
        accountID: accountID, environmentID: environmentID,
        afterExecutionID: known?.generation ?? 0)
    else { return nil }
    let table: ExecutionCellTable
    if let known, generation == known.generation {
      table = known
    } else if let known {
      table = known.adding(cells, generation: generation)
    } else {
      table = ExecutionCellTable(cells, generation: generation)
    }
    keep(table, environmentID: environmentID)
    return table.cellCount <= maximumCells ? table : nil
  }

  /// Keeps `table` (unless a newer one is kept already), evicting the least recently used
  /// environments beyond the bound.
  private func keep(_ table: ExecutionCellTable, environmentID: Int) {
    lock.withLock {
      if table.cellCount > maximumCells {
        tables.removeValue(for: environmentID)
        oversized[environmentID] = table.generation
        return
      }
      oversized[environmentID] = nil
      if let kept = tables.value(for: environmentID), kept.generation > table.generation {
        return
      }
      tables.insert(table, weight: table.cellCount, for: environmentID)
    }
  }

  /// How many environments are kept: for tests of the bound.
  var environmentCount: Int { lock.withLock { tables.count } }
}
