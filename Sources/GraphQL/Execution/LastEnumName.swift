/// The last name a plan's enum serializer found valid (see ``LeafPlan/init(type:nonNull:)``).
///
/// `@unchecked Sendable`: a plan is made by one execution for one field or vector and used
/// on that execution's thread only (the executor keeps no plan beyond the loop that made
/// it), so its memo is never shared between threads.
final class LastEnumName: @unchecked Sendable {
  var name: String?
}
