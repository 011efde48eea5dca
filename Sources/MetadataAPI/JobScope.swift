import MetadataStore

/// The parent value of `JobNode`: a job of the request's account and the run asked for
/// (`runId`, else the job's latest run).
struct JobScope {
  let jobID: Int
  let run: RunInfoRecord
}
