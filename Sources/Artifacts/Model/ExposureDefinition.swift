/// The parts of an exposure that are not common to every node.
public struct ExposureDefinition: Sendable {
  /// `type`: dashboard, notebook, analysis, ml, application.
  public let type: String?
  /// `label` (v7+).
  public let label: String?
  /// `maturity`: low, medium, high.
  public let maturity: String?
  public let url: String?
}
