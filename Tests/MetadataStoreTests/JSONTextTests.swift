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
}
