import Testing

@testable import Artifacts

/// Content hashes are the keys of stored definitions: a database written by one build
/// must find its definitions again with the next. These values were computed before the
/// canonical writer was optimised; any change to them breaks stored databases.
@Suite struct ContentHashPinTests {
  /// SHA-256 over "unique_id contentHash\n" of every definition (enabled, then disabled)
  /// of a public manifest, in file order.
  static func digest(of relative: String) throws -> String {
    let manifest = try ArtifactReader.readManifest(file: Fixtures.path(relative))
    var lines: [UInt8] = []
    for node in manifest.nodes + manifest.disabled {
      lines.append(contentsOf: Array("\(node.uniqueID) \(node.contentHash)\n".utf8))
    }
    return SHA256.hexDigest(of: lines)
  }

  static func hash(of uniqueID: String, in relative: String) throws -> String? {
    let manifest = try ArtifactReader.readManifest(file: Fixtures.path(relative))
    return (manifest.nodes + manifest.disabled).first { $0.uniqueID == uniqueID }?.contentHash
  }

  @Test(arguments: [
    (
      "dbt-core/state/v1/manifest.json",
      "695b65074c0539b837731b87c9272444207fc3de0c59967285c5f065264276b8"
    ),
    (
      "dbt-core/state/v4/manifest.json",
      "55cd6f6cf3e335f25741c4ffaeb0bcede30cf535e2dda4781beae00bec53877d"
    ),
    (
      "dbt-core/state/v7/manifest.json",
      "d36fefb2d49dd931928a8197a053f4faf675f2274519218d61df9659eb9265ca"
    ),
    (
      "dbt-core/state/v10/manifest.json",
      "ee4bf3cacbd72a7430a78e9f3637397346b06432bba5c0a81359e15047f1f7c1"
    ),
    (
      "dbt-core/state/v12/manifest.json",
      "db5367d098113619898676e4ddd27a63e3ad8290610b9055a953aa49f7179360"
    ),
    (
      "openlineage/duckdb/target/manifest.json",
      "b6e0ba6780bf3b633226e93059b2cef176832556b9a473bc6f2d9e4322267c80"
    ),
    (
      "tuva/v3_dbt0.21.0/manifest.json",
      "2c9144832e2d6c7bbd033a4f534e8bfd4c509cf4c581dfc13d0e98d95d700d3f"
    ),
    (
      "dbt-artifacts-parser/manifest/v12/jaffle_shop/manifest_1.12.json",
      "e2f252a56902f13f68013abef4e93f50b80e1855554fb24057c9a5784ccb95cd"
    ),
    (
      "fivetran-hubspot/v12_dbt1.11.11/manifest.json",
      "818813bd9320b922cf13b839b8a223f9d13b58fa4490a67ce412a5ed78185233"
    ),
  ])
  func everyDefinitionOfAPublicManifestKeepsItsHash(file: String, expected: String) throws {
    let digest = try ContentHashPinTests.digest(of: file)
    #expect(digest == expected)
  }

  @Test(arguments: [
    (
      "dbt-core/state/v12/manifest.json", "model.test.my_model",
      "f8f5f0ab9c3b2be66d8d00ecf3ed5ec84ea5b157de6f2c6c6ccb52c58eee1795"
    ),
    (
      "dbt-core/state/v12/manifest.json", "source.test.my_source.my_table",
      "82308efe864d8e8b1f9bcde680b9e4b27d80c9c2707002866b22307211287035"
    ),
    (
      "dbt-core/state/v12/manifest.json", "macro.test.test_check_nothing",
      "9e82058e52cb7f7234e5f492bba22b909576fc76bc89ea17016dcad95c71e633"
    ),
    (
      "fivetran-hubspot/v12_dbt1.11.11/manifest.json", "model.hubspot.hubspot__contacts",
      "b50a61b7f3a1707f9c91dc6eab271c14d1fa6c69c25d10cef7380aaaaebf9fa4"
    ),
    (
      "dbt-artifacts-parser/manifest/v12/jaffle_shop/manifest_1.12.json",
      "model.jaffle_shop.orders", "065c0c1d5d0ef7f7c0d17d55d8324ef73f7d2fc1f3bfeea03bceced0b971cd6b"
    ),
  ])
  func singleDefinitionsKeepTheirHash(file: String, uniqueID: String, expected: String) throws {
    let hash = try ContentHashPinTests.hash(of: uniqueID, in: file)
    #expect(hash == expected)
  }

  /// Escaped and non-ASCII keys sort by their decoded bytes; nested volatile names are kept.
  @Test func escapedKeysAndUnicodeKeepTheirCanonicalForm() throws {
    let text =
      #"{"z\u00e9": 1, "zé2": [3, "b", "a", 1.50], "a\"q": {"created_at": 2, "\u0041": null}, "é": [], "created_at": 9, "": {}}"#
    let root = try JSONDocument(bytes: Array(text.utf8), name: "t").root
    #expect(
      String(decoding: CanonicalJSON.canonicalBytes(of: root), as: UTF8.self)
        == #"{"":{},"a\"q":{"\u0041":null,"created_at":2},"z\u00e9":1,"zé2":["a","b",1.50,3],"é":[]}"#
    )
    #expect(
      CanonicalJSON.contentHash(of: root)
        == "22b60c0d5c6fc235a0dcaeba4ba2a9818f3eb2d2922d1feff5afd55ee8522564")
  }

  /// One workspace hashes many definitions (its key-order cache is reused): the results
  /// must equal hashing each definition afresh, including objects with duplicate keys and
  /// objects whose key sequence repeats with different values.
  @Test func aReusedWorkspaceHashesLikeAFreshOne() throws {
    let texts = [
      #"{"b": 1, "a": 2, "c": {"y": [2, 1], "x": null}}"#,
      #"{"b": 3, "a": 4, "c": {"y": [], "x": "s"}}"#,
      #"{"a": 1, "a": 0, "b": 2}"#,
      #"{"a": 1, "a": 0, "b": 2}"#,
      #"{"b": 2, "a": 1, "a": 0}"#,
      #"{"za": 1, "za": 2, "y": 3}"#,
      #"{"b": 3, "a": 4, "c": {"y": [], "x": "s"}}"#,
    ]
    var workspace = CanonicalJSON.Workspace()
    for text in texts {
      let root = try JSONDocument(bytes: Array(text.utf8), name: "t").root
      let reused = CanonicalJSON.contentHash(of: root, workspace: &workspace)
      #expect(reused == CanonicalJSON.contentHash(of: root))
    }
    // Of repeated keys the last wins, as in Python's json (and the reader).
    let duplicates = try JSONDocument(bytes: Array(#"{"b": 2, "a": 1, "a": 0}"#.utf8), name: "t")
    #expect(
      String(decoding: CanonicalJSON.canonicalBytes(of: duplicates.root), as: UTF8.self)
        == #"{"a":0,"b":2}"#)
  }

  /// The writer's byte order (a word compare for the first eight bytes, then memcmp or a
  /// loop) is plain unsigned lexicographic order, for short, long, shared-prefix and
  /// non-ASCII texts.
  @Test func writerByteOrderIsLexicographic() {
    var state: UInt64 = 0x1234_5678
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let alphabet: [UInt8] = [0x00, 0x41, 0x61, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
    var texts: [[UInt8]] = [[], Array("created_at".utf8), Array("created_by".utf8)]
    for _ in 0..<300 {
      let prefix = Array("config_e".utf8).prefix(Int(next() % 9))
      let tail = (0..<Int(next() % 12)).map { _ in alphabet[Int(next() % 8)] }
      texts.append(Array(prefix) + tail)
    }
    for a in texts {
      for b in texts {
        // One padding byte, so even empty texts have an address.
        let fast = (a + [0]).withUnsafeBufferPointer { left in
          (b + [0]).withUnsafeBufferPointer { right -> Bool? in
            guard let left = left.baseAddress, let right = right.baseAddress else { return nil }
            return CanonicalJSON.Writer.precedes(left, a.count, right, b.count)
          }
        }
        #expect(fast == a.lexicographicallyPrecedes(b))
      }
    }
  }
}
