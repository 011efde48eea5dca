/// The parent value of `ExposureOwner`: an owner of exposures or groups.
struct ResourceOwner: Sendable, Hashable {
  let name: String
  let email: String
}
