import Artifacts
import Foundation
import Testing

@testable import MetadataStore

@Suite struct JSONTextTests {
  @Test func arraysAreValidJSONWithEscapes() throws {
    let items = ["plain", "quote \" and \\ backslash", "tab\tnew\nline", "\u{1}", "héllo ✓"]
    let text = JSONText.array(items)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
    #expect(parsed == items)
    #expect(JSONText.array([]) == "[]")
    #expect(JSONText.array(["a", "b"]) == "[\"a\",\"b\"]")
  }

  @Test func integersAreReadFromStatValues() {
    func raw(_ text: String) -> Artifacts.RawJSON {
      Artifacts.RawJSON(bytes: ArraySlice(text.utf8))
    }
    #expect(JSONText.integer(raw("42")) == 42)
    #expect(JSONText.integer(raw("42.0")) == 42)
    #expect(JSONText.integer(raw("\"1024\"")) == 1024)
    #expect(JSONText.integer(raw("true")) == nil)
    #expect(JSONText.integer(raw("null")) == nil)
    #expect(JSONText.integer(nil) == nil)
  }

  @Test func fingerprintsSeparateTheirParts() {
    func digest(_ parts: [String?]) -> String {
      var fingerprint = Fingerprint()
      for part in parts { fingerprint.combine(part) }
      return fingerprint.hexDigest
    }
    #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
    #expect(digest([nil]) != digest([""]))
    #expect(digest(["x"]) == digest(["x"]))
    #expect(digest([]).count == 64)
  }

  /// Stored manifest versions and column lists are keyed by these digests, so the encoding
  /// must never change: pinned to SHA-256 values computed with Python's hashlib over the
  /// documented encoding (u32 little-endian length prefixes, a presence byte for optionals).
  @Test func fingerprintDigestsArePinned() {
    var optionals = Fingerprint()
    optionals.combine("ab" as String?)
    optionals.combine(nil as String?)
    optionals.combine("c" as String?)
    #expect(
      optionals.hexDigest == "1a45cb292c7d5ba01aefbf7a7261a757c4fbbffb13d12853c725635503614bac")
    var pairs = Fingerprint()
    pairs.combine("model.a.b1")
    pairs.combine("abc")
    #expect(pairs.hexDigest == "50196cc173eed1d7326dac1002930ce8bec95735eeb06e733d7d4504f0c284a8")
  }
}
