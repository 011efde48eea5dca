/// Unix shell-style wildcard matching, as Python's `fnmatch.fnmatchcase` does it: dbt's
/// selector methods match names, tags, packages and paths with it.
/// `*` any run of characters (including `/` and `.`), `?` one character, `[abc]` / `[a-z]`
/// one character of a set, `[!abc]` one character outside it.
/// See https://docs.getdbt.com/reference/node-selection/methods and
/// https://docs.python.org/3/library/fnmatch.html
enum Wildcard {
  /// Whether `text` matches `pattern` as a whole.
  static func matches(_ text: String, _ pattern: String) -> Bool {
    if !pattern.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
      return text == pattern
    }
    let text = Array(text)
    let pattern = Array(pattern)
    // Iterative matching with backtracking to the last `*` (linear for typical patterns).
    var (t, p) = (0, 0)
    var star: (pattern: Int, text: Int)?
    while t < text.count {
      if p < pattern.count, pattern[p] == "*" {
        star = (p, t)
        p += 1
        continue
      }
      if p < pattern.count, let next = single(pattern, at: p, matches: text[t]) {
        p = next
        t += 1
        continue
      }
      guard let last = star else { return false }
      star = (last.pattern, last.text + 1)
      p = last.pattern + 1
      t = last.text + 1
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  /// If the single-character pattern at `index` (`?`, a bracket set, or a literal)
  /// matches `character`, the index after it; else nil.
  private static func single(_ pattern: [Character], at index: Int, matches character: Character)
    -> Int?
  {
    switch pattern[index] {
    case "?": return index + 1
    case "[":
      var i = index + 1
      var negated = false
      if i < pattern.count, pattern[i] == "!" {
        negated = true
        i += 1
      }
      var matched = false
      var first = true
      while i < pattern.count, first || pattern[i] != "]" {
        first = false
        if i + 2 < pattern.count, pattern[i + 1] == "-", pattern[i + 2] != "]" {
          if pattern[i] <= character && character <= pattern[i + 2] { matched = true }
          i += 3
        } else {
          if pattern[i] == character { matched = true }
          i += 1
        }
      }
      // An unclosed bracket is a literal "[", as in fnmatch.
      guard i < pattern.count else { return pattern[index] == character ? index + 1 : nil }
      return matched != negated ? i + 1 : nil
    default:
      return pattern[index] == character ? index + 1 : nil
    }
  }
}
