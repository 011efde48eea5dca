// The differential corpus: documents written here, valid and invalid, both grammars.
// record.js runs graphql-js on each and writes golden.json; the Swift tests compare.
'use strict';
const R = String.raw;
const cases = [];
function add(name, source, deviation) {
  cases.push(deviation ? { name, source, deviation } : { name, source });
}
const arg = (value) => `{ f(a: ${value}) }`;

// ---------------------------------------------------------------- numbers
const numbers = {
  'int-zero': '0', 'int-neg-zero': '-0', 'int-one': '1', 'int-neg': '-1', 'int-big': '123456789',
  'int-huge': '9007199254740993123', 'float-zero': '0.0', 'float-simple': '1.5',
  'float-neg': '-1.5', 'float-exp': '1e10', 'float-exp-upper': '1E10', 'float-exp-plus': '1e+10',
  'float-exp-minus': '1e-10', 'float-frac-exp': '1.5e3', 'float-zero-exp': '0e0',
  'float-neg-frac-exp': '-0.5E-7', 'float-long-frac': '3.14159265358979323846',
  'num-leading-zero': '01', 'num-double-zero': '00', 'num-neg-leading-zero': '-01',
  'num-trailing-dot': '1.', 'num-dot-exp': '1.e1', 'num-leading-dot': '.5',
  'num-neg-leading-dot': '-.5', 'num-two-dots': '1.5.', 'num-hex': '0x1', 'num-name-after': '1a',
  'num-underscore': '1_000', 'num-exp-no-digits': '1e', 'num-exp-sign-no-digits': '1e+',
  'num-double-exp': '1ee1', 'num-minus-alone': '-', 'num-double-minus': '--1',
  'num-three-parts': '1.2.3', 'num-binary': '0b1', 'num-frac-exp-empty': '1.5e',
  'num-digits-letters': '123abc', 'num-float-letter': '1.0a', 'num-minus-letter': '-a',
  'num-plus': '+1', 'num-exp-frac': '1e1.5', 'num-zero-dot-letter': '0.x', 'num-zero-zero-frac': '00.5',
  'num-zero-name': '0_', 'num-exp-name': '2e3f', 'num-dot-eof': '{ f(a: 1.',
  'num-minus-eof': '{ f(a: -', 'num-float-underscore': '1.5_', 'num-neg-float-exp': '-1.23e-4',
};
for (const [name, value] of Object.entries(numbers)) {
  add(name, value.startsWith('{') ? value : arg(value));
}
add('num-list', '{ f(a: [1, -2, 3.5, -4e2, 0]) }');
add('num-no-space-list', '{ f(a: [1,2,3]) }');
add('num-followed-by-brace', '{ f(a: 1}) }');

// ---------------------------------------------------------------- strings
const strings = {
  'str-empty': R`""`, 'str-simple': R`"hello"`, 'str-quote': R`"say \"hi\""`,
  'str-backslash': R`"a\\b"`, 'str-slash': R`"a\/b"`, 'str-b': R`"\b"`, 'str-f': R`"\f"`,
  'str-n': R`"line\nnext"`, 'str-r': R`"\r"`, 'str-t': R`"\t"`, 'str-all-escapes': R`"\"\\\/\b\f\n\r\t"`,
  'str-u-ascii': R`"\u0041"`, 'str-u-latin': R`"\u00e9"`, 'str-u-upper-hex': R`"\u00E9\u00C9"`,
  'str-u-zero': R`"\u0000"`, 'str-u-del': R`"\u007F"`, 'str-u-c1': R`"\u0085"`,
  'str-u-bmp': R`"\u4e2d\u6587"`, 'str-u-fffe': R`"\uFFFE"`,
  'str-ubrace-ascii': R`"\u{41}"`, 'str-ubrace-emoji': R`"\u{1F600}"`, 'str-ubrace-zero': R`"\u{0}"`,
  'str-ubrace-max': R`"\u{10FFFF}"`, 'str-ubrace-eight-digits': R`"\u{0000004A}"`,
  'str-ubrace-leading-zeros': R`"\u{00041}"`, 'str-surrogate-pair': R`"\uD83D\uDE00"`,
  'str-surrogate-pair-lower': R`"\ud83d\ude00"`,
  'str-ubrace-surrogate': R`"\u{D800}"`, 'str-ubrace-trailing-surrogate': R`"\u{DFFF}"`,
  'str-ubrace-too-big': R`"\u{110000}"`, 'str-ubrace-empty': R`"\u{}"`,
  'str-ubrace-nine-digits': R`"\u{000000041}"`, 'str-ubrace-overflow': R`"\u{FFFFFFFF}"`,
  'str-ubrace-unclosed': R`"\u{41"`, 'str-ubrace-bad-digit': R`"\u{4G}"`,
  'str-ubrace-space': R`"\u{ 41}"`, 'str-ubrace-eof': R`"\u{41`,
  'str-lone-lead-surrogate': R`"\uD800"`, 'str-lead-then-ascii': R`"\uD800\u0041"`,
  'str-lone-trail-surrogate': R`"\uDE00"`, 'str-lead-lead': R`"\uD83D\uDBFF"`,
  'str-lead-then-text': R`"\uD83Dabc"`, 'str-bad-escape-x': R`"\x41"`, 'str-bad-escape-a': R`"\a"`,
  'str-bad-escape-quote': R`"\'"`, 'str-u-short': R`"\u12"`, 'str-u-bad-hex': R`"\u12G4"`,
  'str-u-letters': R`"\uXYZW"`, 'str-u-eof': R`"\u00`, 'str-backslash-eof': '{ f(a: "abc\\',
  'str-unterminated': '{ f(a: "abc) }', 'str-unterminated-eof': '{ f(a: "abc',
  'str-newline-inside': '{ f(a: "abc\ndef") }', 'str-cr-inside': '{ f(a: "abc\rdef") }',
  'str-raw-unicode': '"héllo wörld"', 'str-raw-emoji': '"smile 😀 please"',
  'str-raw-cjk': '"中文字符"', 'str-raw-bell': '"bell\u0007"', 'str-raw-tab': '"a\tb"',
  'str-raw-nul': '"a\u0000b"', 'str-raw-del': '"a\u007fb"', 'str-raw-nbsp': '"a\u00a0b"',
  'str-raw-line-sep': '"a\u2028b"', 'str-raw-bom': '"a\ufeffb"',
  'str-escaped-unicode-and-raw': R`"é\u00e9😀\u{1F600}"`, 'str-only-quote-escape': R`"\""`,
  'str-backslash-newline': '{ f(a: "a\\\nb") }',
  'str-u-escape-non-ascii': R`"\u{é}"`, 'str-u-fixed-non-ascii': R`"\u00é1"`,
};
for (const [name, value] of Object.entries(strings)) {
  add(name, value.startsWith('{') ? value : arg(value));
}
add('str-as-description-and-arg', 'type T { "desc \\u00e9" f(a: String = "x\\ny"): String }');

// ---------------------------------------------------------------- block strings
const blocks = {
  'block-simple': '"""hello"""',
  'block-empty': '""""""',
  'block-indented': '"""\n    hello\n      world\n    """',
  'block-first-line-kept': '"""  first\n    second\n    third"""',
  'block-blank-lines-trimmed': '"""\n\n\n    text\n\n\n"""',
  'block-escaped-quotes': '"""a \\""" b"""',
  'block-escaped-quotes-only': '"""\\""""""',
  'block-crlf': '"""\r\n  one\r\n  two\r\n"""',
  'block-cr': '"""\r  one\r  two\r"""',
  'block-tabs': '"""\n\tone\n\t\ttwo\n\t"""',
  'block-mixed-indent': '"""\n  \tone\n  \ttwo\n"""',
  'block-whitespace-only': '"""   \n   \n   """',
  'block-quotes-inside': '"""a "quoted" and ""double"" text"""',
  'block-unicode': '"""\n  héllo 😀\n  中文\n"""',
  'block-trailing-quote': '"""ends with "quote""""',
  'block-trailing-backslash': '"""ends with backslash\\"""',
  'block-long-line': '"""' + 'x'.repeat(75) + '"""',
  'block-leading-space-single': '"""   leading space"""',
  'block-odd-indent': '"""\n     five\n   three\n    four\n"""',
  'block-no-escapes-processed': '"""\\n \\u0041 \\t"""',
  'block-unterminated': '"""abc',
  'block-unterminated-quotes': '"""abc""',
  'block-escape-at-end': '"""abc\\"""',
  'block-escaped-then-end': '"""a\\""""""',
  'block-control-char': '"""a\u0007b"""',
  'block-empty-first-line-indent': '"""\n  a\n\n  b\n"""',
  'block-deeper-last': '"""\n  a\n    b\n"""',
  'block-only-newlines': '"""\n\n"""',
  'block-four-quotes': '""""a"""',
  'block-backslash-not-escape': '"""\\"""',
};
for (const [name, value] of Object.entries(blocks)) add(name, arg(value));
add('block-description-type', '"""\n  A type.\n  Second line.\n"""\ntype T { f: Int }');
add('block-description-field-indented', 'type T {\n  """\n  Field doc\n    indented\n  """\n  f: Int\n}');
add('block-line-count-error', '{ f(a: """\nline2\nline3\n""") }\n}');
add('block-unicode-then-error', '{ f(a: """é\nàé""" ?) }');

// ---------------------------------------------------------------- lexer: ignored tokens, bad characters
add('lex-bom-start', '\ufeff{ a }');
add('lex-bom-middle', '{ a \ufeff b }');
add('lex-bom-then-error', '\ufeff{ a ? }');
add('lex-comment', '# comment\n{ a # trailing\n b }');
add('lex-comment-eof', '{ a } # no newline');
add('lex-comment-cr', '{ a # c\r b }');
add('lex-comment-unicode', '# é 😀 中\n{ a }');
add('lex-commas', ',,{,a,,b,},,');
add('lex-tabs', '\t{\ta\t}\t');
add('lex-crlf-error', '{\r\n  a\r\n  ?\r\n}');
add('lex-cr-error', '{\r  a\r  ?\r}');
add('lex-lf-cr-error', '{\n\r  a\n\r ?}');
add('lex-line-separator', '{ a\u2028b }');
add('lex-paragraph-separator', '{ a \u2029 }');
add('lex-nbsp', '{ a\u00a0b }');
add('lex-unicode-name', '{ café }');
add('lex-emoji-outside', '{ a 😀 }');
add('lex-single-quote', "{ f(a: 'x') }");
add('lex-two-dots', '{ ..a }');
add('lex-one-dot', '{ .a }');
add('lex-question', '{ a? }');
add('lex-tilde', '~');
add('lex-percent', '{ a % }');
add('lex-backslash', '{ \\a }');
add('lex-nul', '{ a \u0000 }');
add('lex-vertical-tab', '{ a \u000b }');
add('lex-form-feed', '{ a \u000c }');
add('lex-del', '{ a \u007f }');
add('lex-escape-char', '{ a \u001b }');
add('lex-hash-in-string', '{ f(a: "#not a comment") }');
add('lex-column-after-emoji', '{ f(a: "😀😀") ? }');
add('lex-column-after-cjk', '{ f(a: "中文") ? }');
add('lex-column-after-combining', '{ f(a: "e\u0301") ? }');
add('lex-column-after-bom-line2', '\ufeff{\n  a ?\n}');
add('lex-column-tab', '{\n\t\ta ?\n}');
add('lex-error-line-5', '\n\n\n\n   ?');
add('lex-empty', '');
add('lex-only-whitespace', '  \n\t, ');
add('lex-only-comment', '# just a comment');
add('lex-dollar-alone', '{ f(a: $) }');
add('lex-at-alone', '{ a @ }');
add('lex-amp', '{ a & }');
add('lex-spread-no-space', '{...F}');
add('lex-punctuation-soup', '{a(b:[1,{c:$d}])@e{...f...on G{h}}}');

// ---------------------------------------------------------------- executable documents
const executable = {
  'op-shorthand': '{ a }',
  'op-query-keyword': 'query { a }',
  'op-named-query': 'query Q { a }',
  'op-mutation': 'mutation M { like(id: 1) { count } }',
  'op-subscription': 'subscription S { onEvent { id } }',
  'op-anonymous-mutation': 'mutation { a }',
  'op-two-operations': 'query A { a }\nquery B { b }',
  'op-variables': 'query Q($a: Int, $b: String!, $c: [Int], $d: [Int!]!, $e: [[String]]) { a }',
  'op-variable-defaults': 'query Q($a: Int = 1, $b: String = "x", $c: [Int] = [1, 2], $d: In = {x: 1, y: [true]}, $e: E = VALUE, $f: F = null) { a }',
  'op-variable-directives': 'query Q($a: Int = 1 @deprecated, $b: Int @x(y: 1) @z) { a }',
  'op-directives': 'query Q @a @b(c: 1) { d }',
  'op-anonymous-with-directive': 'query @live { a }',
  'op-anonymous-with-variables': 'query ($a: Int) { b(a: $a) }',
  'field-alias': '{ x: a y: b(c: 1) }',
  'field-args-all-kinds': '{ f(i: 1, fl: 1.5, s: "s", b: true, n: null, e: ENUM, l: [1, "two"], o: {a: 1, b: {c: [$v]}}, v: $v) }',
  'field-nested': '{ a { b { c { d { e } } } } }',
  'field-directives': '{ a @include(if: true) @skip(if: $no) b @x }',
  'field-args-directives-selection': '{ a(x: 1) @d { b } }',
  'field-empty-list-object': '{ f(a: [], b: {}) }',
  'field-keyword-names': '{ query mutation subscription fragment on true false null type schema extend }',
  'field-on-alias': '{ on: on(on: on) }',
  'field-enum-keywords': '{ f(a: query, b: on, c: type) }',
  'fragment-definition': 'fragment F on T { a }',
  'fragment-spread': '{ ...F }',
  'fragment-spread-directives': '{ ...F @include(if: $x) @y }',
  'fragment-inline': '{ ... on T { a } }',
  'fragment-inline-no-type': '{ ... { a } }',
  'fragment-inline-directive-no-type': '{ ... @include(if: true) { a } }',
  'fragment-inline-type-directive': '{ ... on T @x { a } }',
  'fragment-directives': 'fragment F on T @a @b(c: 1) { d }',
  'fragment-named-like-keyword': 'fragment query on T { a }',
  'fragment-spread-named-keyword': '{ ...query ...fragment }',
  'object-nested-lists': '{ f(a: [[1, 2], [[3]], []]) }',
  'object-field-keyword-names': '{ f(a: {on: 1, true: 2, null: 3}) }',
  'variable-in-list-and-object': '{ f(a: [$x, {y: $z}]) }',
  'op-and-fragments': 'query Q { ...F }\nfragment F on T { a ...G }\nfragment G on T { b }',
  'selection-many-fields': '{ a b c d e f g h i j }',
  'long-args-wrap': '{ field(argumentNumberOne: "a long value", argumentNumberTwo: "another long value", three: 3) }',
  'long-args-exactly-80': '{ f(a: "' + 'x'.repeat(68) + '") }',
  'long-args-81': '{ f(a: "' + 'x'.repeat(69) + '") }',
  'long-args-nested-wrap': '{ a { b(one: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", two: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb") { c } } }',
  'string-needs-escape-printed': '{ f(a: "tab\\there \\u0001 \\u007f \\u0085 \\u009f \\u00a0 slash\\/") }',
};
for (const [name, source] of Object.entries(executable)) add(name, source);

const executableErrors = {
  'err-open-brace': '{',
  'err-close-brace': '}',
  'err-empty-selection': '{ }',
  'err-empty-nested-selection': '{ a { } }',
  'err-unclosed-args': '{ a(',
  'err-arg-no-colon': '{ a(b) }',
  'err-arg-no-value': '{ a(b:) }',
  'err-empty-args': '{ a() }',
  'err-variable-no-type': 'query ($a) { b }',
  'err-variable-no-dollar': 'query (a: Int) { b }',
  'err-empty-variables': 'query Q() { a }',
  'err-const-variable-default': 'query Q($a: Int = $b) { c }',
  'err-const-variable-in-list': 'query Q($a: [Int] = [1, $b]) { c }',
  'err-const-dollar-no-name': 'query Q($a: Int = $) { c }',
  'err-const-variable-directive': 'query Q($a: Int @d(x: $y)) { c }',
  'err-spread-nothing': '{ ... }',
  'err-spread-on': '{ ...on }',
  'err-fragment-missing-on': 'fragment F { a }',
  'err-fragment-named-on': 'fragment on on T { a }',
  'err-fragment-no-selection': 'fragment F on T',
  'err-fragment-variables': 'fragment F($a: Int) on T { a }',
  'err-directive-no-name': 'query Q @ { a }',
  'err-alias-no-name': '{ a: }',
  'err-alias-twice': '{ a: b: c }',
  'err-query-no-selection': 'query Q',
  'err-unknown-keyword': 'notakeyword { a }',
  'err-trailing-token': '{ a } extra',
  'err-trailing-brace': '{ a }}',
  'err-mutation-alone': 'mutation',
  'err-subscription-no-selection': 'subscription S',
  'err-operation-name-string': 'query "Q" { a }',
  'err-variable-type-missing-bracket': 'query Q($a: [Int) { b }',
  'err-variable-double-bang': 'query Q($a: Int!!) { b }',
  'err-variable-list-empty': 'query Q($a: []) { b }',
  'err-number-as-field': '{ 1 }',
  'err-string-as-field': '{ "a" }',
  'err-object-no-colon': '{ f(a: {b}) }',
  'err-object-unclosed': '{ f(a: {b: 1) }',
  'err-list-unclosed': '{ f(a: [1, 2) }',
  'err-description-shorthand': '"desc" { a }',
  'err-description-on-nothing': '"desc"',
  'err-selection-set-paren': '{ a ( }',
  'err-spread-number': '{ ...1 }',
  'err-inline-on-missing-type': '{ ... on { a } }',
  'err-dollar-space-name': '{ f(a: $ x) }',
  'err-eof-after-query': 'query',
  'err-name-then-eof': '{ a',
  'err-double-spread': '{ ......F }',
  'err-bang-in-selection': '{ a! }',
  'err-equals-in-args': '{ a(b = 1) }',
};
for (const [name, source] of Object.entries(executableErrors)) add(name, source);

// ---------------------------------------------------------------- type system documents
const typeSystem = {
  'sdl-schema': 'schema { query: Query mutation: Mutation subscription: Subscription }',
  'sdl-schema-directives': 'schema @a @b(c: 1) { query: Q }',
  'sdl-schema-description': '"The schema" schema { query: Q }',
  'sdl-scalar': 'scalar DateTime',
  'sdl-scalar-directive': 'scalar URL @specifiedBy(url: "https://tools.ietf.org/html/rfc3986")',
  'sdl-type': 'type T { a: Int b: [String!]! c(x: Int = 1, y: [In!]): T }',
  'sdl-type-no-fields': 'type T',
  'sdl-type-implements': 'type T implements A & B & C { a: Int }',
  'sdl-type-implements-leading-amp': 'type T implements & A & B { a: Int }',
  'sdl-type-implements-one': 'type T implements A { a: Int }',
  'sdl-type-directives': 'type T @a @b(c: "d") { f: Int @deprecated(reason: "no") }',
  'sdl-interface': 'interface I { a: Int }',
  'sdl-interface-implements': 'interface I implements J & K { a: Int }',
  'sdl-interface-no-fields': 'interface I',
  'sdl-union': 'union U = A | B | C',
  'sdl-union-leading-pipe': 'union U = | A | B',
  'sdl-union-one': 'union U = A',
  'sdl-union-no-members': 'union U',
  'sdl-union-directives': 'union U @a = A | B',
  'sdl-enum': 'enum E { A B C }',
  'sdl-enum-directives': 'enum E @a { A @deprecated B @x(y: 1) }',
  'sdl-enum-no-values': 'enum E',
  'sdl-enum-keyword-values': 'enum E { query on type schema }',
  'sdl-input': 'input I { a: Int = 1 b: String! @x c: [I] = [{a: 1}] }',
  'sdl-input-no-fields': 'input I',
  'sdl-directive': 'directive @d on FIELD',
  'sdl-directive-args': 'directive @d(a: Int = 1, b: String) on FIELD | QUERY',
  'sdl-directive-repeatable': 'directive @d repeatable on OBJECT | INTERFACE',
  'sdl-directive-leading-pipe': 'directive @d on | FIELD | FRAGMENT_SPREAD',
  'sdl-directive-all-locations': 'directive @d on QUERY | MUTATION | SUBSCRIPTION | FIELD | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION | SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION',
  'sdl-directive-description': '"Marks it" directive @d on FIELD',
  'sdl-descriptions-everywhere': '"s" scalar S\n"t" type T { "f" f("a" a: Int): Int }\n"""i""" interface I { "f" f: Int }\n"u" union U = T\n"e" enum E { "v" V }\n"in" input In { "x" x: Int }',
  'sdl-description-multiline-args': 'type T { f(\n  """\n  Doc\n  """\n  a: Int\n  b: Int): Int }',
  'sdl-directive-multiline-args': 'directive @d("""\nDoc\n""" a: Int) on FIELD',
  'sdl-field-args-default-object': 'type T { f(a: In = {x: [1, 2], y: {z: null}}): Int }',
  'sdl-extend-schema': 'extend schema @a { mutation: M }',
  'sdl-extend-schema-directive-only': 'extend schema @a',
  'sdl-extend-schema-ops-only': 'extend schema { subscription: S }',
  'sdl-extend-scalar': 'extend scalar S @a',
  'sdl-extend-type': 'extend type T { b: Int }',
  'sdl-extend-type-implements': 'extend type T implements I',
  'sdl-extend-type-directive': 'extend type T @a',
  'sdl-extend-interface': 'extend interface I implements J { b: Int }',
  'sdl-extend-interface-directive': 'extend interface I @a',
  'sdl-extend-union': 'extend union U = D | E',
  'sdl-extend-union-directive': 'extend union U @a',
  'sdl-extend-enum': 'extend enum E { D E }',
  'sdl-extend-enum-directive': 'extend enum E @a',
  'sdl-extend-input': 'extend input I { d: Int }',
  'sdl-extend-input-directive': 'extend input I @a',
  'sdl-mixed-with-executable': 'type Query { a: Int }\n{ a }\nfragment F on Query { a }',
  'sdl-field-keyword-names': 'type T { type: Int interface: Int enum: Int input: Int schema: Int extend: Int on: Int }',
  'sdl-type-keyword-name': 'type type { a: Int }',
  'sdl-arg-directive': 'type T { f(a: Int @deprecated): Int }',
};
for (const [name, source] of Object.entries(typeSystem)) add(name, source);

const typeSystemErrors = {
  'sdl-err-empty-fields': 'type T {}',
  'sdl-err-empty-enum': 'enum E {}',
  'sdl-err-empty-input': 'input I {}',
  'sdl-err-empty-schema': 'schema {}',
  'sdl-err-schema-no-braces': 'schema @a',
  'sdl-err-schema-bad-op': 'schema { foo: Q }',
  'sdl-err-schema-no-colon': 'schema { query Q }',
  'sdl-err-field-no-type': 'type T { f }',
  'sdl-err-field-colon-no-type': 'type T { f: }',
  'sdl-err-empty-arg-defs': 'type T { f(): Int }',
  'sdl-err-arg-default-variable': 'type T { f(a: Int = $v): Int }',
  'sdl-err-directive-variable': 'type T @a(b: $c) { f: Int }',
  'sdl-err-implements-no-amp': 'type T implements A B { f: Int }',
  'sdl-err-implements-nothing': 'type T implements { f: Int }',
  'sdl-err-implements-trailing-amp': 'type T implements A & { f: Int }',
  'sdl-err-union-no-member': 'union U =',
  'sdl-err-union-trailing-pipe': 'union U = A |',
  'sdl-err-union-double-pipe': 'union U = A || B',
  'sdl-err-enum-true': 'enum E { true }',
  'sdl-err-enum-false': 'enum E { A false }',
  'sdl-err-enum-null': 'enum E { null }',
  'sdl-err-enum-number': 'enum E { 1 }',
  'sdl-err-enum-string-value': 'enum E { "A" }',
  'sdl-err-input-field-args': 'input I { a(b: Int): Int }',
  'sdl-err-directive-no-at': 'directive d on FIELD',
  'sdl-err-directive-no-on': 'directive @d FIELD',
  'sdl-err-directive-bad-location': 'directive @d on FOO',
  'sdl-err-directive-lowercase-location': 'directive @d on field',
  'sdl-err-directive-no-locations': 'directive @d on',
  'sdl-err-directive-repeatable-after-on': 'directive @d on FIELD repeatable',
  'sdl-err-extend-alone': 'extend',
  'sdl-err-extend-unknown': 'extend foo T',
  'sdl-err-extend-type-empty': 'extend type T',
  'sdl-err-extend-schema-empty': 'extend schema',
  'sdl-err-extend-scalar-empty': 'extend scalar S',
  'sdl-err-extend-interface-empty': 'extend interface I',
  'sdl-err-extend-union-empty': 'extend union U',
  'sdl-err-extend-enum-empty': 'extend enum E',
  'sdl-err-extend-input-empty': 'extend input I',
  'sdl-err-extend-directive': 'extend directive @d on FIELD',
  'sdl-err-description-nothing': '"desc" 1',
  'sdl-err-two-descriptions': '"a" "b" type T',
  'sdl-err-type-no-name': 'type { a: Int }',
  'sdl-err-scalar-fields': 'scalar S { a: Int }',
  'sdl-err-field-default': 'type T { f: Int = 1 }',
  'sdl-err-union-braces': 'union U { A }',
  'sdl-err-list-type-unclosed': 'type T { f: [Int }',
  'sdl-err-nonnull-nonnull': 'type T { f: Int!! }',
  'sdl-err-bang-first': 'type T { f: !Int }',
};
for (const [name, source] of Object.entries(typeSystemErrors)) add(name, source);

// ---------------------------------------------------------------- kitchen sinks (written here)
add('kitchen-sink-query', `# A query touching every executable construct.
query HeroForEpisode($episode: Episode = JEDI, $withFriends: Boolean!, $first: Int = 10 @since(v: 2), $filter: Filter = {name: "R2", tags: ["a", "b"], nested: {deep: [1, 2.5, -3e3]}}) @operationDirective(a: 1) {
  hero(episode: $episode) @live {
    __typename
    id,
    heroName: name
    ... on Droid @skip(if: false) { primaryFunction }
    ... @include(if: $withFriends) {
      friends(first: $first, after: null, order: {field: NAME, direction: ASC}) {
        totalCount
        edges { cursor node { ...CharacterFields @defer } }
      }
    }
    appearsIn
    description(format: """
      Block
        indented "quoted"
    """)
    unicode: echo(text: "\\u00e9\\u{1F600}\\uD83D\\uDE00 é 😀")
  }
}

mutation AddReview($ep: Episode!, $review: ReviewInput!) {
  createReview(episode: $ep, review: $review) { stars commentary }
}

subscription OnReview { reviewAdded { stars } }

fragment CharacterFields on Character @fragmentDirective {
  name
  friendsConnection(first: 1) { friends { name } }
}

{ shorthand: hero { name } }
`);
add('kitchen-sink-schema', `"""
The schema for a small service.
"""
schema @schemaDirective {
  query: Query
  mutation: Mutation
}

"A custom scalar"
scalar DateTime @specifiedBy(url: "https://example.com/datetime")

"""
The root query type.
"""
type Query implements Node & Entity @key(fields: "id") {
  "Fetch one node"
  node(
    "The id"
    id: ID!
    """
    Whether to include deleted nodes.
    """
    includeDeleted: Boolean = false @deprecated(reason: "always false")
  ): Node
  search(text: String!, first: Int = 10, filter: SearchFilter = {kinds: [MODEL, TEST], since: "2024-01-01"}): [SearchResult!]!
  list: [[Int!]]!
}

interface Node { id: ID! }
interface Entity implements Node @entity { id: ID! createdAt: DateTime }

union SearchResult @unionDirective = | Model | Test

enum Kind @enumDirective {
  "A model"
  MODEL
  TEST @deprecated
  SOURCE @since(version: "1.2")
}

input SearchFilter @oneOf {
  kinds: [Kind!] = [MODEL]
  since: DateTime
  nested: SearchFilter
}

directive @key(fields: String!) repeatable on OBJECT | INTERFACE
directive @since(version: String, v: Int) on FIELD_DEFINITION | ENUM_VALUE | VARIABLE_DEFINITION
directive @live on | FIELD

extend schema @extended { subscription: Subscription }
extend scalar DateTime @format(pattern: "iso")
extend type Query implements Extra @more { extra: Int }
extend interface Node @interfaceExtension
extend union SearchResult = Source
extend enum Kind { SEED }
extend input SearchFilter { text: String }
`);
add('kitchen-sink-introspection', `query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
`);

// ---------------------------------------------------------------- spec examples (Language section)
const specExamples = {
  'spec-mutation-like-story': 'mutation {\n  likeStory(storyID: 12345) {\n    story {\n      likeCount\n    }\n  }\n}',
  'spec-shorthand-field': '{\n  field\n}',
  'spec-me-friends': '{\n  me {\n    id\n    firstName\n    lastName\n    birthday {\n      month\n      day\n    }\n    friends {\n      name\n    }\n  }\n}',
  'spec-user-profile-pic': '{\n  user(id: 4) {\n    id\n    name\n    profilePic(size: 100)\n  }\n}',
  'spec-profile-pic-two-args': '{\n  user(id: 4) {\n    id\n    name\n    profilePic(width: 100, height: 50)\n  }\n}',
  'spec-argument-order-a': 'query {\n  picture(width: 200, height: 100)\n}',
  'spec-argument-order-b': 'query {\n  picture(height: 100, width: 200)\n}',
  'spec-alias-pics': '{\n  user(id: 4) {\n    id\n    name\n    smallPic: profilePic(size: 64)\n    bigPic: profilePic(size: 1024)\n  }\n}',
  'spec-alias-top-level': '{\n  zuck: user(id: 4) {\n    id\n    name\n  }\n}',
  'spec-fragments-without': 'query noFragments {\n  user(id: 4) {\n    friends(first: 10) {\n      id\n      name\n      profilePic(size: 50)\n    }\n    mutualFriends(first: 10) {\n      id\n      name\n      profilePic(size: 50)\n    }\n  }\n}',
  'spec-fragments-with': 'query withFragments {\n  user(id: 4) {\n    friends(first: 10) {\n      ...friendFields\n    }\n    mutualFriends(first: 10) {\n      ...friendFields\n    }\n  }\n}\n\nfragment friendFields on User {\n  id\n  name\n  profilePic(size: 50)\n}',
  'spec-nested-fragments': 'query withNestedFragments {\n  user(id: 4) {\n    friends(first: 10) {\n      ...friendFields\n    }\n  }\n}\n\nfragment friendFields on User {\n  id\n  name\n  ...standardProfilePic\n}\n\nfragment standardProfilePic on User {\n  profilePic(size: 50)\n}',
  'spec-type-conditions': 'query FragmentTyping {\n  profiles(handles: ["zuck", "coca-cola"]) {\n    handle\n    ...userFragment\n    ...pageFragment\n  }\n}\n\nfragment userFragment on User {\n  friends {\n    count\n  }\n}\n\nfragment pageFragment on Page {\n  likers {\n    count\n  }\n}',
  'spec-inline-fragment-typing': 'query inlineFragmentTyping {\n  profiles(handles: ["zuck", "coca-cola"]) {\n    handle\n    ... on User {\n      friends {\n        count\n      }\n    }\n    ... on Page {\n      likers {\n        count\n      }\n    }\n  }\n}',
  'spec-inline-fragment-no-type': 'query inlineFragmentNoType($expandedInfo: Boolean) {\n  user(handle: "zuck") {\n    id\n    name\n    ... @include(if: $expandedInfo) {\n      firstName\n      lastName\n      birthday\n    }\n  }\n}',
  'spec-block-string-example': 'mutation {\n  sendEmail(message: """\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  """)\n}',
  'spec-string-escape-example': 'mutation {\n  sendEmail(message: "Hello,\\n  World!\\n\\nYours,\\n  GraphQL.")\n}',
  'spec-block-equivalent-1': '{ f(a: """\n  This starts with and ends with an empty line,\n  which makes it easier to read.\n""") }',
  'spec-block-equivalent-2': '{ f(a: """This does not start with or end with any empty lines,\nwhich makes it a little harder to read.""") }',
  'spec-escaped-unicode-examples': '{ f(a: "\\u{1F4A9}", b: "\\uD83D\\uDCA9", c: "\\u{0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001F4A9}") }',
  'spec-counter-float-dot': '{ f(a: 1.23.4) }',
  'spec-counter-float-name': '{ f(a: 0x123) }',
  'spec-counter-int-name': '{ f(a: 123abc) }',
  'spec-counter-leading-zero': '{ f(a: 00) }',
  'spec-counter-exp-dot': '{ f(a: 1.23e4.5) }',
  'spec-counter-dot-leading': '{ f(a: .123) }',
  'spec-counter-dot-trailing': '{ f(a: 123.) }',
  'spec-counter-exp-upper-dot': '{ f(a: 1.23E.4) }',
  'spec-counter-name-after-number': '{ f(a: 123e) }',
  'spec-variables-example': 'query getZuckProfile($devicePicSize: Int) {\n  user(id: 4) {\n    id\n    name\n    profilePic(size: $devicePicSize)\n  }\n}',
  'spec-lists-example': '{ f(a: [1, 2, 3], b: [[1], [2, 3]]) }',
  'spec-input-object-example': '{\n  nearestThing(location: { lon: 12.43, lat: -53.211 })\n}',
  'spec-input-object-variables': 'query getNearestThing($lon: Float, $lat: Float) {\n  nearestThing(location: { lon: $lon, lat: $lat })\n}',
  'spec-directive-example': 'query myQuery($someTest: Boolean!) {\n  experimentalField @skip(if: $someTest)\n}',
  'spec-variable-directive': 'query ($foo: Int = 1 @d) { a }',
  'spec-name-lookahead': '{ f(a: ab) }',
  'spec-schema-extension-example': 'extend schema @someDirective {\n  query: SomeQuery\n}',
  'spec-scalar-extension-example': 'extend scalar Time @format(layout: "HH:mm")',
  'spec-object-definition-example': 'type Person {\n  name: String\n  age: Int\n  picture: Url\n}',
  'spec-interface-example': 'interface NamedEntity {\n  name: String\n}\n\ntype Person implements NamedEntity {\n  name: String\n  age: Int\n}',
  'spec-union-example': 'union SearchResult = Photo | Person\n\ntype Person {\n  name: String\n  age: Int\n}\n\ntype Photo {\n  height: Int\n  width: Int\n}\n\ntype SearchQuery {\n  firstSearchResult: SearchResult\n}',
  'spec-union-leading-pipe': 'union SearchResult =\n  | Photo\n  | Person',
  'spec-enum-example': 'enum Direction {\n  NORTH\n  EAST\n  SOUTH\n  WEST\n}',
  'spec-input-example': 'input Point2D {\n  x: Float\n  y: Float\n}',
  'spec-directive-def-example': 'directive @example on FIELD\n\nfragment SomeFragment on SomeType {\n  field @example\n}',
  'spec-directive-repeatable-example': 'directive @delegateField(name: String!) repeatable on OBJECT | INTERFACE\n\ntype Book @delegateField(name: "pageCount") @delegateField(name: "author") {\n  id: ID!\n}',
  'spec-directive-leading-pipe': 'directive @example on\n  | FIELD\n  | FRAGMENT_SPREAD\n  | INLINE_FRAGMENT',
  'spec-description-example': '"""\nA simple GraphQL schema which is well described.\n"""\nschema {\n  query: Query\n}\n\n"""\nRoot type for all your query operations\n"""\ntype Query {\n  """\n  Translates a string from a given language into a different language.\n  """\n  translate(\n    "The original language that `text` is provided in."\n    fromLanguage: Language\n\n    "The translated language to be returned."\n    toLanguage: Language\n\n    "The text to be translated."\n    text: String\n  ): String\n}\n\n"""\nThe set of languages supported by `translate`.\n"""\nenum Language {\n  "English"\n  EN\n\n  "French"\n  FR\n\n  "Chinese"\n  CH\n}',
  'spec-deprecated-example': 'type ExampleType {\n  oldField: String @deprecated(reason: "Use `newField`.")\n  newField: String\n}',
  'spec-specified-by-example': 'scalar UUID @specifiedBy(url: "https://tools.ietf.org/html/rfc4122")',
  'spec-one-of-example': 'input PetInput @oneOf {\n  cat: CatInput\n  dog: DogInput\n  fish: FishInput\n}',
  'spec-comment-example': '# a comment\n{ a }',
  'spec-insignificant-commas': '{ a, b,, c ,}',
  'spec-counter-fragment-on': 'fragment on on on { on }',
  'spec-counter-empty-document': '   ',
  'spec-counter-query-with-description-shorthand': '"desc"\n{ a }',
};
for (const [name, source] of Object.entries(specExamples)) add(name, source);

// ---------------------------------------------------------------- error locations on later lines
add('loc-error-line-3-col-5', 'query Q {\n  a\n    ?\n}');
add('loc-error-after-string-line', '{\n  f(a: "é😀")\n  g(b: 1.)\n}');
add('loc-error-in-block-line-4', '{ f(a: """\n\n\n  \\u{D800} is fine here""" b: "\\u{D800}") }');
add('loc-error-crlf-string', '{\r\n f(a: "x\r\n")\r\n}');
add('loc-error-eof-after-lines', 'query Q {\n  a {\n    b\n');
add('loc-error-comment-line', '# comment é 😀\n# second\n{ a ?');
add('loc-error-after-bom-and-comment', '\ufeff# c\n{ a } }');
add('loc-error-long-line', '{ ' + 'a '.repeat(200) + '? }');

// ---------------------------------------------------------------- printing details
add('print-block-string-arg-in-field', '{ f(a: """multi\nline""") }');
add('print-block-in-sdl-default', 'type T { f(a: String = """\n  x\n  """): Int }');
add('print-descriptions-non-block', 'type T { "one" a: Int "two\\nlines" b: Int }');
add('print-empty-object-list-defaults', 'input I { a: [Int] = [] b: I = {} }');
add('print-nested-selection-directives', '{ a @x { b @y { c @z } } }');
add('print-operation-name-and-directive-only', 'query Q @d { a }');
add('print-variable-default-list-of-objects', 'query Q($a: [In] = [{b: 1}, {c: [2]}]) { a }');
add('print-float-forms', '{ f(a: [1.0, 1e0, 1E+1, -0.0e-0]) }');
add('print-enum-and-null', '{ f(a: [A, null, B]) }');
add('print-string-with-unicode', '{ f(a: "é 😀 \\u00e9 \\u{1F600}") }');
add('print-block-with-triple-quotes', '{ f(a: """a \\""" b""") }');
add('print-block-starting-newline-indent', '{ f(a: """\n    indented first\n  less""") }');
add('print-type-with-everything-long', 'type T implements A & B @a(x: 1) @b { f(arg1: String = "default value one", arg2: String = "default value two"): Int @c }');

// ---------------------------------------------------------------- September 2025 edition: executable descriptions
// graphql-js 16.6 rejects these; the spec (and we) accept them.
const deviation = (expected) => ({
  reason: 'September 2025 edition: descriptions on operations, fragments and variable definitions',
  expected: { printed: expected },
});
add('sep2025-operation-description', '"Fetches the hero" query Hero { hero { name } }',
  deviation('"Fetches the hero"\nquery Hero {\n  hero {\n    name\n  }\n}'));
add('sep2025-operation-block-description', '"""\nMulti-line\ndescription\n"""\nmutation M { a }',
  deviation('"""\nMulti-line\ndescription\n"""\nmutation M {\n  a\n}'));
add('sep2025-anonymous-query-description', '"Anonymous" query { a }',
  deviation('"Anonymous"\nquery {\n  a\n}'));
add('sep2025-fragment-description', '"Reusable" fragment F on T { a }',
  deviation('"Reusable"\nfragment F on T {\n  a\n}'));
add('sep2025-variable-description', 'query Q("The id" $id: ID!, $b: Int) { a }',
  deviation('query Q("The id" $id: ID!, $b: Int) {\n  a\n}'));
add('sep2025-extend-description', '"desc" extend type T { a: Int }', {
  reason: 'September 2025 edition: executable definitions may have descriptions, so the message names type extensions',
  expected: { error: { message: 'Syntax Error: Unexpected description, descriptions are not supported on type extensions.', locations: [{ line: 1, column: 1 }] } },
});

add('str-escape-emoji', '{ f(a: "\\😀") }', {
  reason: 'graphql-js slices UTF-16 code units and quotes half of the emoji; we quote whole characters',
  expected: { error: { message: 'Syntax Error: Invalid character escape sequence: "\\😀".', locations: [{ line: 1, column: 9 }] } },
});

// More examples and counter-examples of the Language section, verbatim.
const moreSpec = {
  'spec-selection-set-example': '{\n  id\n  firstName\n  lastName\n}',
  'spec-top-level-fields-with-comments': '# `me` could represent the currently logged in viewer.\n{\n  me {\n    name\n  }\n}\n\n# `user` represents one of many users in a graph of data, referred to by a\n# unique identifier.\n{\n  user(id: 4) {\n    name\n  }\n}',
  'spec-default-root-type-names': 'type Query {\n  someField: String\n}',
  'spec-schema-virus': 'schema {\n  query: Query\n}\n\ntype Query {\n  latestVirus: Virus\n}\n\ntype Virus {\n  name: String\n  mutations: [Mutation]\n}\n\ntype Mutation {\n  name: String\n}',
  'spec-null-value-example': '{\n  field(arg: null)\n  field\n}',
  'spec-input-object-unordered-b': '{\n  nearestThing(location: { lat: -53.211, lon: 12.43 })\n}',
  'spec-directive-order-a': 'type Person\n  @addExternalFields(source: "profiles")\n  @excludeField(name: "photo") {\n  name: String\n}',
  'spec-directive-order-b': 'type Person\n  @excludeField(name: "photo")\n  @addExternalFields(source: "profiles") {\n  name: String\n}',
  'spec-counter-escape-udead': '{ f(a: "\\uDEAD") }',
  'spec-counter-escape-110000': '{ f(a: "\\u{110000}") }',
  'spec-escape-u000a': '{ f(a: "\\u000A") }',
  'spec-surrogate-pair-1f4a9': '{ f(a: "\\uD83D\\uDCA9", b: "\\u{1F4A9}") }',
  'spec-block-escape-is-text': '{ f(a: """\\n""") }',
  'spec-six-quotes-one-empty-block': '{ f(a: """""") }',
  'spec-counter-123L': '{ f(a: 123L) }',
  'spec-counter-hex-float': '{ f(a: 0x1.2p3) }',
  'spec-negative-int': '{ f(a: -123) }',
  'spec-float-examples': '{ f(a: 1.0, b: 1e50, c: 6.0221413e23) }',
  'spec-name-a1': '{ a1 }',
  'spec-names-case-sensitive': '{ name Name NAME other_name othername }',
  'spec-list-trailing-commas': '{ f(a: [1, 2, 3,,,]) }',
};
for (const [name, source] of Object.entries(moreSpec)) add(name, source);

module.exports = cases;
