import Testing

@testable import Artifacts

/// The timestamp normaliser: every spelling dbt writes becomes one canonical UTC form and
/// epoch seconds (expected epochs computed with Python's datetime.fromisoformat).
@Suite struct TimestampTests {
  @Test(arguments: [
    ("2024-07-29T16:23:46.670689Z", "2024-07-29T16:23:46.670689Z", 1_722_270_226.670689),
    ("2021-05-31T00:00:28+00:00", "2021-05-31T00:00:28.000000Z", 1_622_419_228),
    ("2021-05-31T02:00:28.5+02:00", "2021-05-31T00:00:28.500000Z", 1_622_419_228.5),
    ("2021-05-30T19:00:28-0500", "2021-05-31T00:00:28.000000Z", 1_622_419_228),
    ("2021-02-01 10:00:00", "2021-02-01T10:00:00.000000Z", 1_612_173_600),
    ("2026-06-10T19:42:15.745181+00:00", "2026-06-10T19:42:15.745181Z", 1_781_120_535.745181),
    ("2020-02-29T23:59:59.1234567Z", "2020-02-29T23:59:59.123456Z", 1_583_020_799.123456),
    ("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00.000000Z", -62_135_596_800),
  ])
  func normalises(text: String, canonical: String, epoch: Double) throws {
    let timestamp = try #require(Timestamp(parsing: text))
    #expect(timestamp.canonical == canonical)
    #expect(abs(timestamp.epochSeconds - epoch) < 0.000_001)
    #expect(timestamp.original == text)
    // The canonical form parses back to the same instant.
    #expect(Timestamp(parsing: canonical) == timestamp)
  }

  @Test func orderingAndEqualityUseTheInstant() throws {
    let a = try #require(Timestamp(parsing: "2021-05-31T02:00:00+02:00"))
    let b = try #require(Timestamp(parsing: "2021-05-31T00:00:00Z"))
    let c = try #require(Timestamp(parsing: "2021-05-31T00:00:00.000001Z"))
    #expect(a == b)
    #expect(b < c)
    #expect(c.iso8601Milliseconds == "2021-05-31T00:00:00.000Z")
    #expect(
      Timestamp(parsing: "2023-03-06T17:02:01.216999Z")?.iso8601Milliseconds
        == "2023-03-06T17:02:01.216Z")
  }

  @Test(arguments: [
    "", "2021-05-31", "2021-13-01T00:00:00Z", "2021-02-30T00:00:00Z", "2021-05-31T24:00:00Z",
    "2021-05-31T00:00:00+25:00", "2021-05-31T00:00:00Zjunk", "yesterday", "2021-05-31T00:00:00.Z",
  ])
  func rejectsNonTimestamps(text: String) {
    #expect(Timestamp(parsing: text) == nil)
  }
}
