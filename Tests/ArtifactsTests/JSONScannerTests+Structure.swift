import Foundation
import Testing

@testable import Artifacts

/// The scanner's structure paths: whitespace runs, literals, nesting, tape growth, and
/// re-parses of real artifacts against the full tape.
extension JSONScannerTests {
  // MARK: - Structure

  @Test func whitespaceRunsOfEveryLength() throws {
    for run in ["", " ", "\n", "\t", "\r\n"] {
      for length in 0..<40 {
        let gap = (run.isEmpty ? "" : run) + String(repeating: " ", count: length)
        let text = "[" + gap + "1" + gap + "," + gap + "\"a\"" + gap + "]" + gap
        let bytes = Array(text.utf8)
        let gapBytes = gap.utf8.count
        for validated in [false, true] {
          let entries = try tape(bytes, validated: validated)
          #expect(entries.map(\.kind) == [.array, .number, .string])
          #expect(entries.map { Int($0.start) } == [0, 1 + gapBytes, 4 + 3 * gapBytes])
          #expect(entries.first.map { Int($0.end) } == bytes.count - gapBytes)
        }
        // An error after the run points past it; so does the end of input.
        let stray = Array(("[" + gap + "?").utf8)
        #expect(
          failure(stray)
            == Failure(
              offset: stray.count - 1, line: 1 + gap.filter { $0 == "\n" || $0 == "\r\n" }.count,
              column: run == "\n" || run == "\r\n" ? length + 1 : stray.count,
              message:
                "expected a value (object, array, string, number, true, false or null), found '?'"))
        let open = Array(("[1" + gap).utf8)
        #expect(failure(open)?.offset == open.count)
        #expect(
          failure(open)?.message
            == "expected ',' or ']', found end of input (input ends inside 1 unclosed array(s)/object(s): truncated file?)"
        )
      }
    }
    // Other control bytes are not whitespace, even inside a run of spaces.
    let vertical = Array(("[" + String(repeating: " ", count: 11) + "\u{0B} 1]").utf8)
    #expect(failure(vertical)?.offset == 12)
    #expect(failure(vertical)?.message.hasSuffix("found byte 0x0B") == true)
  }

  @Test func literalsAtTheEndOfInputAndEveryMismatch() throws {
    for (word, kind) in [("true", JSONKind.true), ("false", .false), ("null", .null)] {
      // Exactly at the end of the input, and inside an array.
      for validated in [false, true] {
        let alone = try tape(Array(word.utf8), validated: validated)
        #expect(alone.map(\.kind) == [kind])
        #expect(alone.first.map { Int($0.end) } == word.utf8.count)
        let inArray = try tape(Array("[\(word),\(word)]".utf8), validated: validated)
        #expect(inArray.map(\.kind) == [.array, kind, kind])
        #expect(inArray.map { Int($0.start) } == [0, 1, 2 + word.utf8.count])
      }
      let bytes = Array(word.utf8)
      for cut in 1..<bytes.count {
        // Truncated.
        let truncated = Array("[".utf8) + bytes[..<cut]
        #expect(
          failure(truncated)
            == Failure(
              offset: truncated.count, line: 1, column: truncated.count + 1,
              message:
                "expected '\(word)', found end of input (input ends inside 1 unclosed array(s)/object(s): truncated file?)"
            ))
        // One wrong byte, with enough input after it for the four-byte comparison.
        var wrong = Array("[".utf8) + bytes + Array(", 1]".utf8)
        wrong[1 + cut] = UInt8(ascii: "x")
        #expect(
          failure(wrong)
            == Failure(
              offset: 1 + cut, line: 1, column: 2 + cut, message: "expected '\(word)', found 'x'"))
      }
    }
    // A word running into the next token.
    #expect(failure("[nul]".utf8.map { $0 })?.message == "expected 'null', found ']'")
    #expect(failure("[truefalse]".utf8.map { $0 })?.offset == 5)
  }

  @Test func deepNestingBeyondTheInitialStack() throws {
    // 300 levels of alternating objects and arrays: each container's bounds and sibling
    // link, and the kind of the innermost open container in errors.
    let depth = 300
    var text = ""
    for level in 0..<depth { text += level % 2 == 0 ? "{\"k\":" : "[" }
    text += "0"
    for level in (0..<depth).reversed() { text += level % 2 == 0 ? "}" : "]" }
    let bytes = Array(text.utf8)
    for validated in [false, true] {
      let entries = try tape(bytes, validated: validated)
      // Objects have a key entry after them, arrays do not.
      #expect(entries.count == depth + depth / 2 + 1)
      #expect(entries.first.map { Int($0.end) } == bytes.count)
      #expect(entries.first?.next == entries.count)
      #expect(entries.last?.kind == .number)
    }
    let intoObject = Array(("[{\"a\":1]").utf8)
    #expect(
      failure(intoObject)?.message == "expected ',' or '}' after an object member, found ']'")
    let intoArray = Array(("{\"a\":[1}").utf8)
    #expect(
      failure(intoArray)?.message == "expected ',' or ']' after an array element, found '}'")
    let unclosed = Array(String(repeating: "[{\"a\":", count: 100).utf8)
    #expect(
      failure(unclosed)?.message
        == "expected a value, found end of input (input ends inside 200 unclosed array(s)/object(s): truncated file?)"
    )
  }

  @Test func tapeGrowsPastItsFirstReservation() throws {
    // A partial tape starts small and grows; every entry survives the moves.
    let numbers = (0..<5000).map(String.init).joined(separator: ",")
    let bytes = Array("{\"a\": [\(numbers)], \"b\": {\"c\": [1]}}".utf8)
    var parser = JSONParser(name: "scan.json", maximumDepth: 512, recordDepth: 2)
    let entries = try parser.parse(bytes, range: 0..<bytes.count)
    #expect(entries.count == 1 + 1 + 1 + 5000 + 1 + 1 + 1 + 1)
    #expect(entries[2].kind == .array && !entries[2].flag && entries[2].next == 5003)
    #expect(entries[3 + 4999].kind == .number)
    let last = String(
      decoding: bytes[Int(entries[5002].start)..<Int(entries[5002].end)], as: UTF8.self)
    #expect(last == "4999")
    // `[1]` is at depth 2: recorded, its members are not, so it is collapsed.
    #expect(entries[5004].kind == .object && !entries[5004].flag)
    #expect(entries[5004].next == entries.count)
    #expect(entries[5006].kind == .array && entries[5006].flag)
    #expect(entries[5006].next == entries.count)
    // Invalid input can need more entries than a valid text of its size: still exact.
    let opens = Array(String(repeating: "[", count: 400).utf8)
    #expect(
      failure(opens)?.message
        == "expected a value, found end of input (input ends inside 400 unclosed array(s)/object(s): truncated file?)"
    )
    #expect(
      try tape(opens + Array(String(repeating: "]", count: 400).utf8), validated: false).count
        == 400)
  }

  // MARK: - Real artifacts

  /// Every public artifact: re-parsing each container two levels down on its own, validated
  /// (as the readers expand manifest nodes), gives exactly that container's part of the
  /// full validating parse.
  @Test func reparsesMatchTheFullTapeOnRealArtifacts() throws {
    let files = Fixtures.allPublicJSON()
    #expect(files.count > 50)
    for file in files {
      let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path(file))).map { $0 }
      let full = try tape(bytes, validated: false)
      // The containers two levels down: members of the root's members.
      var outers: [Int] = []
      var member = 1
      while member < full.count, full[0].kind == .array || full[0].kind == .object {
        var inner = member + 1
        while inner < full[member].next {
          if full[inner].kind == .array || full[inner].kind == .object { outers.append(inner) }
          inner = full[inner].next
        }
        member = full[member].next
      }
      #expect(!outers.isEmpty, "\(file)")
      for outer in outers {
        let inner = try tape(
          bytes, range: Int(full[outer].start)..<Int(full[outer].end), validated: true)
        let slice = full[outer..<full[outer].next]
        #expect(inner.count == slice.count, "\(file)")
        let same = zip(inner, slice).allSatisfy {
          $0.start == $1.start && $0.end == $1.end && $0.kind == $1.kind && $0.flag == $1.flag
            && $0.next + outer == $1.next
        }
        #expect(same, "\(file) at byte \(full[outer].start)")
      }
    }
  }
}
