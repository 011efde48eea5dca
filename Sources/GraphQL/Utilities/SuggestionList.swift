/// "Did you mean" suggestions, as graphql-js computes and words them.
///
/// `suggestionList` keeps the options within a lexical (Damerau-Levenshtein, case
/// insensitive first) distance of 40% of the input's length, sorted by distance then
/// name; `didYouMean` words at most five of them.
enum SuggestionList {
  /// The options close to `input`, best first.
  static func suggestions(for input: String, options: [String]) -> [String] {
    var distances: [(String, Int)] = []
    let inputLower = Array(input.lowercased().unicodeScalars)
    let threshold = Int((Double(input.utf16.count) * 0.4).rounded(.down)) + 1
    for option in options {
      let distance = lexicalDistance(
        input: input, inputLower: inputLower, option: option, threshold: threshold)
      if let distance { distances.append((option, distance)) }
    }
    distances.sort { a, b in
      if a.1 != b.1 { return a.1 < b.1 }
      return naturalCompare(a.0, b.0) < 0
    }
    return distances.map { $0.0 }
  }

  /// ` Did you mean "a", "b", or "c"?` (with a leading space), or "" when there are none.
  static func didYouMean(_ suggestions: [String], subMessage: String? = nil) -> String {
    guard !suggestions.isEmpty else { return "" }
    var message = " Did you mean "
    if let subMessage { message += subMessage + " " }
    let quoted = suggestions.prefix(5).map { "\"\($0)\"" }
    switch quoted.count {
    case 1: return message + quoted[0] + "?"
    case 2: return message + quoted[0] + " or " + quoted[1] + "?"
    default:
      return message + quoted.dropLast().joined(separator: ", ") + ", or " + (quoted.last ?? "")
        + "?"
    }
  }

  private static func lexicalDistance(
    input: String, inputLower: [Unicode.Scalar], option: String, threshold: Int
  ) -> Int? {
    if input == option { return 0 }
    let optionLower = Array(option.lowercased().unicodeScalars)
    if inputLower == optionLower { return 1 }
    var a = inputLower
    var b = optionLower
    if a.count < b.count { swap(&a, &b) }
    let aLength = a.count
    let bLength = b.count
    if aLength - bLength > threshold { return nil }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: bLength + 1), count: 3)
    for j in 0...bLength { rows[0][j] = j }
    for i in 1...max(aLength, 1) where aLength > 0 {
      let upRow = rows[(i - 1) % 3]
      var currentRow = rows[i % 3]
      currentRow[0] = i
      var smallest = i
      if bLength > 0 {
        for j in 1...bLength {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          var current = min(upRow[j] + 1, currentRow[j - 1] + 1, upRow[j - 1] + cost)
          if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
            let doubleDiagonal = rows[(i - 2) % 3][j - 2]
            current = min(current, doubleDiagonal + 1)
          }
          if current < smallest { smallest = current }
          currentRow[j] = current
        }
      }
      rows[i % 3] = currentRow
      if smallest > threshold { return nil }
    }
    let distance = rows[aLength % 3][bLength]
    return distance <= threshold ? distance : nil
  }

  /// graphql-js's `naturalCompare`: digit runs compare by numeric value.
  static func naturalCompare(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf16)
    let y = Array(b.utf16)
    var i = 0
    var j = 0
    func isDigit(_ c: UInt16) -> Bool { c >= 48 && c <= 57 }
    while i < x.count && j < y.count {
      if isDigit(x[i]) && isDigit(y[j]) {
        var numA = 0.0
        repeat {
          numA = numA * 10 + Double(x[i] - 48)
          i += 1
        } while i < x.count && isDigit(x[i])
        var numB = 0.0
        repeat {
          numB = numB * 10 + Double(y[j] - 48)
          j += 1
        } while j < y.count && isDigit(y[j])
        if numA < numB { return -1 }
        if numA > numB { return 1 }
      } else {
        if x[i] < y[j] { return -1 }
        if x[i] > y[j] { return 1 }
        i += 1
        j += 1
      }
    }
    return x.count - i - (y.count - j)
  }
}
