import BylineCore

// Compiled languages with C-like syntax: braces, `//` comments, typed numbers.

extension LanguageDefinition {
    /// Go: backtick raw strings span lines; `'x'` is a rune. Exported names are capitalised but are not
    /// types, so Go lists its types instead.
    package static let go = LanguageDefinition(
        names: ["go", "golang"],
        keywords: [
            "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
            "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
            "struct", "switch", "type", "var", "true", "false", "nil", "iota",
        ],
        types: [
            "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64",
            "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32",
            "uint64", "uintptr", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
            "make", "max", "min", "new", "panic", "print", "println", "real", "recover",
        ],
        lineComments: cComments.line,
        blockComment: cComments.block,
        strings: cStrings + [StringSyntax("`", escape: nil, multiline: true)],
        numbers: suffixedNumbers // `2i` is imaginary
    )

    /// Rust: strings span lines, raw strings are `r#"…"#`, and `'a` is a lifetime unless it closes as
    /// a character literal (`'a'`). Block comments nest.
    package static let rust = LanguageDefinition(
        names: ["rust", "rs"],
        keywords: [
            "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
            "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
            "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
            "where", "while", "yield", "macro_rules",
        ],
        types: [
            "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64",
            "bool", "char", "str",
        ],
        capitalizedWordsAreTypes: true,
        lineComments: cComments.line,
        blockComment: BlockComment("/*", "*/", nests: true),
        strings: [StringSyntax("\"", multiline: true), .character()],
        stringPrefixes: ["b", "c"],
        hashStrings: HashStrings(prefixes: ["r", "br", "cr"]),
        numbers: suffixedNumbers,
        sigils: [Sigil("'", .type)] // lifetimes
    )

    /// Swift: `"""` strings span lines, `#"…"#` are raw, block comments nest; `@MainActor` and `#if`
    /// are attributes and compiler directives.
    package static let swift = LanguageDefinition(
        names: ["swift"],
        keywords: [
            "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case", "catch",
            "class", "consuming", "continue", "convenience", "default", "defer", "deinit", "didSet", "do",
            "dynamic", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "final", "for",
            "func", "get", "guard", "if", "import", "in", "indirect", "init", "inout", "internal", "is",
            "isolated", "lazy", "let", "macro", "mutating", "nil", "nonisolated", "nonmutating", "open",
            "operator", "optional", "override", "package", "private", "protocol", "public", "repeat",
            "required", "rethrows", "return", "self", "Self", "sending", "set", "some", "static", "struct",
            "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "unowned", "var",
            "weak", "where", "while", "willSet",
        ],
        capitalizedWordsAreTypes: true,
        lineComments: cComments.line,
        blockComment: BlockComment("/*", "*/", nests: true),
        strings: [StringSyntax("\"\"\"", multiline: true), StringSyntax("\"")],
        hashStrings: HashStrings(bare: true),
        numbers: NumberSyntax(),
        sigils: [Sigil("@", .type), Sigil("#", .keyword)]
    )

    /// C: `#include` and other directives are keywords.
    package static let c = LanguageDefinition(
        names: ["c", "h"],
        keywords: cKeywords,
        types: cTypes,
        lineComments: cComments.line,
        blockComment: cComments.block,
        strings: cStrings,
        stringPrefixes: ["L", "u", "U", "u8"],
        numbers: suffixedNumbers,
        sigils: [Sigil("#", .keyword)]
    )

    /// C++: C and its own keywords and standard types.
    package static let cpp = LanguageDefinition(
        names: ["cpp", "c++", "cxx", "cc", "hpp", "hxx", "hh"],
        keywords: cKeywords + [
            "alignas", "alignof", "catch", "class", "co_await", "co_return", "co_yield", "concept",
            "const_cast", "consteval", "constexpr", "constinit", "decltype", "delete", "dynamic_cast",
            "explicit", "export", "friend", "import", "module", "mutable", "namespace", "new", "noexcept",
            "operator", "override", "final", "private", "protected", "public", "reinterpret_cast", "requires",
            "static_assert", "static_cast", "template", "this", "thread_local", "throw", "try", "typeid",
            "typename", "using", "virtual",
        ],
        types: cTypes + ["wchar_t", "char8_t", "char16_t", "char32_t", "std", "string", "vector", "map"],
        lineComments: cComments.line,
        blockComment: cComments.block,
        strings: cStrings,
        stringPrefixes: ["L", "u", "U", "u8"],
        numbers: suffixedNumbers,
        sigils: [Sigil("#", .keyword)]
    )

    /// Java: `"""` text blocks span lines; `@Override` is an annotation.
    package static let java = LanguageDefinition(
        names: ["java"],
        keywords: [
            "abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default", "do",
            "else", "enum", "extends", "final", "finally", "for", "goto", "if", "implements", "import",
            "instanceof", "interface", "native", "new", "package", "permits", "private",
            "protected", "public", "record", "return", "sealed", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "var", "volatile", "while", "yield",
            "true", "false", "null",
        ],
        types: ["boolean", "byte", "char", "short", "int", "long", "float", "double", "void"],
        capitalizedWordsAreTypes: true,
        lineComments: cComments.line,
        blockComment: cComments.block,
        strings: [StringSyntax("\"\"\"", multiline: true)] + cStrings,
        numbers: suffixedNumbers,
        sigils: [Sigil("@", .type)]
    )

    /// Kotlin: `"""` raw strings span lines; block comments nest.
    package static let kotlin = LanguageDefinition(
        names: ["kotlin", "kt", "kts"],
        keywords: [
            "abstract", "actual", "annotation", "as", "break", "by", "catch", "class", "companion", "const",
            "constructor", "continue", "crossinline", "data", "do", "else", "enum", "expect", "external",
            "false", "final", "finally", "for", "fun", "get", "if", "import", "in", "infix", "init", "inline",
            "inner", "interface", "internal", "is", "lateinit", "noinline", "null", "object", "open",
            "operator", "out", "override", "package", "private", "protected", "public", "reified", "return",
            "sealed", "set", "super", "suspend", "tailrec", "this", "throw", "true", "try", "typealias", "val",
            "value", "var", "vararg", "when", "where", "while",
        ],
        capitalizedWordsAreTypes: true,
        lineComments: cComments.line,
        blockComment: BlockComment("/*", "*/", nests: true),
        strings: [StringSyntax("\"\"\"", escape: nil, multiline: true)] + cStrings,
        numbers: suffixedNumbers,
        sigils: [Sigil("@", .type)]
    )

    private static let cKeywords = [
        "auto", "break", "case", "const", "continue", "default", "do", "else", "enum", "extern", "for",
        "goto", "if", "inline", "register", "restrict", "return", "signed", "sizeof", "static", "struct",
        "switch", "typedef", "union", "unsigned", "volatile", "while", "_Alignas", "_Alignof", "_Atomic",
        "_Bool", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local", "NULL", "true", "false",
        "nullptr",
    ]

    private static let cTypes = [
        "void", "char", "short", "int", "long", "float", "double", "bool", "size_t", "ssize_t", "ptrdiff_t",
        "intptr_t", "uintptr_t", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
        "uint32_t", "uint64_t", "FILE",
    ]
}
