import BylineCore
import BylineMarkdown
import Foundation
import XCTest

/// Each language gets a realistic snippet and assertions on the style of chosen tokens. Every
/// highlight also passes `assertWellFormed`: spans give back each line exactly, in whole characters,
/// all with `.codeBlock`, none empty.
/// One realistic snippet per language: keywords, strings, comments, numbers and types land where they should.
final class CodeHighlighterLanguageTests: XCTestCase {
    // MARK: - Languages

    func testGo() {
        let code = """
        package main

        import "fmt"

        // Greet says hello.
        func Greet(name string) (int, error) {
        \tformat := `raw
        multi "line"`
        \tn := 0x1F + 1_000 + 3.14e-2
        \tx1 := 'a'
        \t/* block
        \t   comment */ n++
        \treturn fmt.Println("hi\\"", name, format, x1, n)
        }
        """
        let lines = highlight(code, "go")
        assertToken(lines, 0, "package", .keyword)
        assertToken(lines, 2, "\"fmt\"", .string)
        assertToken(lines, 4, "// Greet says hello.", .comment)
        assertToken(lines, 5, "func", .keyword)
        assertToken(lines, 5, "Greet", .plain, "exported names are not types in Go")
        assertToken(lines, 5, "string", .type)
        assertToken(lines, 5, "error", .type)
        assertToken(lines, 6, "format", .plain, "`format` is not `for`")
        assertToken(lines, 6, "`raw", .string)
        assertToken(lines, 7, "multi \"line\"`", .string, "a raw string carries over a line")
        assertToken(lines, 8, "0x1F", .number)
        assertToken(lines, 8, "1_000", .number)
        assertToken(lines, 8, "3.14e-2", .number)
        assertToken(lines, 9, "x1", .plain, "a digit inside a name is not a number")
        assertToken(lines, 9, "'a'", .string)
        assertToken(lines, 10, "/* block", .comment)
        assertToken(lines, 11, "   comment */", .comment)
        assertToken(lines, 11, "n++", .plain, "code resumes after the comment closes")
        assertToken(lines, 12, "return", .keyword)
        assertToken(lines, 12, "\"hi\\\"\"", .string, "an escaped quote does not close the string")
        assertToken(lines, 12, "name", .plain)
    }

    func testSwift() {
        let code = """
        import Foundation

        /// Doc comment
        @MainActor struct Point: Sendable {
            let x = 42, label = "point"
            /* outer /* nested */ still comment */
            let text = \"\"\"
                multi "line" \\(x)
                \"\"\"
            let raw = #"a "quoted" \\n"#
            #if DEBUG
            func f() async throws -> Int { return 0b1010 }
            #endif
        }
        """
        let lines = highlight(code, "swift")
        assertToken(lines, 0, "import", .keyword)
        assertToken(lines, 0, "Foundation", .type)
        assertToken(lines, 2, "/// Doc comment", .comment)
        assertToken(lines, 3, "@MainActor", .type)
        assertToken(lines, 3, "struct", .keyword)
        assertToken(lines, 3, "Point", .type, "capitalised words are types in Swift")
        assertToken(lines, 4, "let", .keyword)
        assertToken(lines, 4, "42", .number)
        assertToken(lines, 4, "\"point\"", .string)
        assertToken(lines, 5, "/* outer /* nested */ still comment */", .comment, "Swift comments nest")
        assertToken(lines, 6, "\"\"\"", .string)
        assertToken(lines, 7, "multi \"line\" \\(x)", .string)
        assertToken(lines, 8, "\"\"\"", .string)
        assertToken(lines, 9, "#\"a \"quoted\" \\n\"#", .string)
        assertToken(lines, 10, "#if", .keyword)
        assertToken(lines, 11, "async", .keyword)
        assertToken(lines, 11, "throws", .keyword)
        assertToken(lines, 11, "Int", .type)
        assertToken(lines, 11, "0b1010", .number)
    }

    func testRust() {
        let code = """
        use std::collections::HashMap;

        fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {
            let c = 'x';
            let raw = r#"a "raw" string"#;
            let bytes = b"bytes";
            let n: u32 = 1_000u32;
            /* outer /* inner */ still */
            let s = "multi
        line";
            if x.len() > y.len() { x } else { y }
        }
        """
        let lines = highlight(code, "rust")
        assertToken(lines, 0, "use", .keyword)
        assertToken(lines, 0, "HashMap", .type)
        assertToken(lines, 2, "fn", .keyword)
        assertToken(lines, 2, "'a", .type, "a lifetime is not a character literal")
        assertToken(lines, 2, "str", .type)
        assertToken(lines, 2, "(x", .plain)
        assertToken(lines, 3, "'x'", .string)
        assertToken(lines, 4, "r#\"a \"raw\" string\"#", .string)
        assertToken(lines, 5, "b\"bytes\"", .string)
        assertToken(lines, 6, "u32", .type)
        assertToken(lines, 6, "1_000u32", .number)
        assertToken(lines, 7, "/* outer /* inner */ still */", .comment)
        assertToken(lines, 8, "\"multi", .string)
        assertToken(lines, 9, "line\"", .string, "Rust strings span lines")
        assertToken(lines, 9, ";", .plain)
        assertToken(lines, 10, "if", .keyword)
        assertToken(lines, 10, "else", .keyword)
    }

    func testPython() {
        let code = """
        import os

        @dataclass
        class Config:
            \"\"\"Docstring
            spanning lines.\"\"\"
            path: str = f"{os.sep}tmp"  # trailing comment
            retries = 0x10 + 1_000 + 2.5e3
            def formatted(self, x1):
                return rb'raw' if x1 else None
        """
        let lines = highlight(code, "python")
        assertToken(lines, 0, "import", .keyword)
        assertToken(lines, 2, "@dataclass", .type)
        assertToken(lines, 3, "class", .keyword)
        assertToken(lines, 4, "\"\"\"Docstring", .string)
        assertToken(lines, 5, "    spanning lines.\"\"\"", .string, "a docstring carries over a line")
        assertToken(lines, 6, "str", .type)
        assertToken(lines, 6, "f\"{os.sep}tmp\"", .string, "the prefix belongs to the string")
        assertToken(lines, 6, "# trailing comment", .comment)
        assertToken(lines, 7, "0x10", .number)
        assertToken(lines, 7, "1_000", .number)
        assertToken(lines, 7, "2.5e3", .number)
        assertToken(lines, 8, "def", .keyword)
        assertToken(lines, 8, "formatted", .plain)
        assertToken(lines, 8, "x1", .plain)
        assertToken(lines, 9, "rb'raw'", .string)
        assertToken(lines, 9, "if", .keyword)
        assertToken(lines, 9, "None", .keyword)
    }

    func testJavaScriptAndTypeScript() {
        let js = """
        const greet = async (name) => {
          // comment
          const msg = `Hello ${name},
        welcome`;
          let $el = document.querySelector('#id');
          return new Promise((resolve) => resolve(42n));
        };
        """
        let lines = highlight(js, "js")
        assertToken(lines, 0, "const", .keyword)
        assertToken(lines, 0, "async", .keyword)
        assertToken(lines, 1, "// comment", .comment)
        assertToken(lines, 2, "`Hello ${name},", .string)
        assertToken(lines, 3, "welcome`", .string, "a template literal carries over a line")
        assertToken(lines, 3, ";", .plain)
        assertToken(lines, 4, "$el", .plain, "`$` is a letter in JavaScript")
        assertToken(lines, 4, "document", .type)
        assertToken(lines, 4, "'#id'", .string)
        assertToken(lines, 5, "Promise", .type)
        assertToken(lines, 5, "42n", .number)

        let ts = """
        interface User { id: number; name: string }
        type Id = string | number;
        export function find(users: User[], id: Id): User | undefined {
          return users.find((u) => u.id === id); /* inline */
        }
        """
        let typed = highlight(ts, "typescript")
        assertToken(typed, 0, "interface", .keyword)
        assertToken(typed, 0, "number", .type)
        assertToken(typed, 1, "type", .keyword)
        assertToken(typed, 2, "export", .keyword)
        assertToken(typed, 2, "function", .keyword)
        assertToken(typed, 2, "User", .type)
        assertToken(typed, 2, "undefined", .keyword)
        assertToken(typed, 3, "/* inline */", .comment)
        for alias in ["ts", "tsx", "typescript"] { XCTAssertEqual(CodeHighlighter.definition(for: alias)?.names.first, "typescript") }
        for alias in ["js", "jsx", "javascript"] { XCTAssertEqual(CodeHighlighter.definition(for: alias)?.names.first, "javascript") }
        XCTAssertEqual(styles(of: "interface", in: highlight("interface", "js"), line: 0), .plain.union(.codeBlock),
                       "TypeScript's keywords are not JavaScript's")
    }

    func testShell() {
        let code = """
        #!/bin/bash
        # comment
        export PATH="$HOME/bin:$PATH"
        for f in *.txt; do
          echo "${f%.txt}" $1 $@ ${#list[@]} it's a#b # note
        done
        do-thing --force 2>&1 $HOME
        """
        let lines = highlight(code, "bash")
        assertToken(lines, 0, "#!/bin/bash", .comment)
        assertToken(lines, 1, "# comment", .comment)
        assertToken(lines, 2, "export", .keyword)
        assertToken(lines, 2, "\"$HOME/bin:$PATH\"", .string)
        assertToken(lines, 3, "for", .keyword)
        assertToken(lines, 3, "in", .keyword)
        assertToken(lines, 3, "do", .keyword)
        assertToken(lines, 4, "\"${f%.txt}\"", .string)
        assertToken(lines, 4, "$1", .type)
        assertToken(lines, 4, "$@", .type)
        assertToken(lines, 4, "${#list[@]}", .type)
        assertToken(lines, 4, "it's a#b", .plain, "an apostrophe in a word opens no string; `#` in a word opens no comment")
        assertToken(lines, 4, "# note", .comment)
        assertToken(lines, 5, "done", .keyword)
        assertToken(lines, 6, "do-thing", .plain, "`-` joins a word, so this is not `do`")
        assertToken(lines, 6, "2", .number)
        assertToken(lines, 6, "$HOME", .type)
        for alias in ["sh", "bash", "zsh", "shell", "console", "shellsession"] {
            XCTAssertEqual(CodeHighlighter.definition(for: alias)?.names.first, "sh", alias)
        }
    }

    func testSQL() {
        let code = """
        SELECT id, name FROM users WHERE age > 21 AND name LIKE 'O''Brien'; -- trailing
        create table t (id INTEGER primary key, note text default 'x');
        /* block
        comment */ select count(*) from t;
        """
        let lines = highlight(code, "postgresql")
        assertToken(lines, 0, "SELECT", .keyword)
        assertToken(lines, 0, "FROM", .keyword)
        assertToken(lines, 0, "21", .number)
        assertToken(lines, 0, "'O''Brien'", .string, "a doubled quote stays inside the string")
        assertToken(lines, 0, "-- trailing", .comment)
        assertToken(lines, 1, "create", .keyword, "SQL keywords match in any case")
        assertToken(lines, 1, "INTEGER", .type)
        assertToken(lines, 1, "text", .type)
        assertToken(lines, 2, "/* block", .comment)
        assertToken(lines, 3, "comment */", .comment)
        assertToken(lines, 3, "select", .keyword)
        assertToken(lines, 3, "count", .type)
        for alias in ["sql", "mysql", "postgresql", "psql"] { XCTAssertNotNil(CodeHighlighter.definition(for: alias), alias) }
    }

    func testYAML() {
        let code = """
        # config
        name: "byline"
        version: 1.2
        tags:
          - name: swift
            enabled: true
        description: Don't panic # real comment
        url: http://example.com/#anchor
        """
        let lines = highlight(code, "yml")
        assertToken(lines, 0, "# config", .comment)
        assertToken(lines, 1, "name", .keyword)
        assertToken(lines, 1, ":", .plain)
        assertToken(lines, 1, "\"byline\"", .string)
        assertToken(lines, 2, "1.2", .number)
        assertToken(lines, 3, "tags", .keyword)
        assertToken(lines, 4, "-", .plain)
        assertToken(lines, 4, "name", .keyword, "a key after a list dash")
        assertToken(lines, 4, "swift", .plain)
        assertToken(lines, 5, "enabled", .keyword)
        assertToken(lines, 5, "true", .keyword)
        assertToken(lines, 6, "Don't panic", .plain)
        assertToken(lines, 6, "# real comment", .comment)
        assertToken(lines, 7, "url", .keyword)
        assertToken(lines, 7, "http://example.com/#anchor", .plain, "neither `://` nor `/#` means anything")
    }

    func testJSON() {
        let code = """
        {
          "name": "byline",
          "count": 3,
          "ok" : true, // jsonc
          "ratio": -1.5e3
        }
        """
        let lines = highlight(code, "jsonc")
        assertToken(lines, 1, "\"name\"", .keyword, "a string before `:` is a key")
        assertToken(lines, 1, "\"byline\"", .string)
        assertToken(lines, 2, "3", .number)
        assertToken(lines, 3, "\"ok\"", .keyword)
        assertToken(lines, 3, "true", .keyword)
        assertToken(lines, 3, "// jsonc", .comment)
        assertToken(lines, 4, "1.5e3", .number)
        XCTAssertEqual(CodeHighlighter.definition(for: "json")?.names.first, "json")
    }

    func testTOML() {
        let code = """
        # site
        title = "My Blog"
        [params]
          count = 1_000
          [[menu.main]]
          desc = '''
        multi = "not a key"
        '''
        list = [
          [1, 2],
        ]
        """
        let lines = highlight(code, "toml")
        assertToken(lines, 0, "# site", .comment)
        assertToken(lines, 1, "title", .keyword)
        assertToken(lines, 1, "=", .plain)
        assertToken(lines, 1, "\"My Blog\"", .string)
        assertToken(lines, 2, "[params]", .keyword)
        assertToken(lines, 3, "count", .keyword)
        assertToken(lines, 3, "1_000", .number)
        assertToken(lines, 4, "[[menu.main]]", .keyword)
        assertToken(lines, 5, "'''", .string)
        assertToken(lines, 6, "multi = \"not a key\"", .string, "inside a multi-line string nothing is a key")
        assertToken(lines, 7, "'''", .string)
        assertToken(lines, 9, "[", .plain, "an array row is not a table header")
        assertToken(lines, 9, "2", .number)
    }

    func testDiff() {
        let code = """
        diff --git a/x.go b/x.go
        index 83db48f..bf269f4 100644
        --- a/x.go
        +++ b/x.go
        @@ -1,3 +1,3 @@ func main() {
         context "line"
        -old()
        +new()
        """
        let lines = highlight(code, "patch")
        let expected: [TextStyle] = [.diffMeta, .diffMeta, .diffMeta, .diffMeta, .diffMeta, .plain, .diffRemoved, .diffAdded]
        for (line, style) in zip(lines, expected) {
            XCTAssertEqual(line.count, 1, "a diff line is one span")
            XCTAssertEqual(line.first?.style, style.union(.codeBlock), line.first?.text ?? "")
        }
        XCTAssertEqual(CodeHighlighter.definition(for: "diff")?.names.first, "diff")
    }

    func testMoreLanguages() {
        let c = highlight("#include <stdio.h>\nint main(void) { char c = '\\n'; return 0x0AUL; }", "c")
        assertToken(c, 0, "#include", .keyword)
        assertToken(c, 1, "int", .type)
        assertToken(c, 1, "'\\n'", .string)
        assertToken(c, 1, "0x0AUL", .number)
        let java = highlight("@Override public String toString() { return \"x\"; }", "java")
        assertToken(java, 0, "@Override", .type)
        assertToken(java, 0, "public", .keyword)
        assertToken(java, 0, "String", .type)
        let lua = highlight("--[[ block\ncomment ]] local t = [[long\nstring]] -- done", "lua")
        assertToken(lua, 1, "comment ]]", .comment)
        assertToken(lua, 1, "local", .keyword)
        assertToken(lua, 1, "[[long", .string)
        assertToken(lua, 2, "string]]", .string)
        assertToken(lua, 2, "-- done", .comment)
        let ruby = highlight("def empty?\n  @items.nil? # check\nend", "ruby")
        assertToken(ruby, 0, "def", .keyword)
        assertToken(ruby, 1, "@items", .type)
        assertToken(ruby, 1, "# check", .comment)
        let docker = highlight("FROM swift:6.0 AS build\nRUN apt-get update && echo \"$HOME\" ${USER}", "Dockerfile")
        assertToken(docker, 0, "FROM", .keyword)
        assertToken(docker, 0, "AS", .keyword)
        assertToken(docker, 1, "apt-get", .plain)
        assertToken(docker, 1, "${USER}", .type)
        let make = highlight("build: $(OBJS)\n\tcc -o $@ $^ # link\nCC := gcc", "make")
        assertToken(make, 0, "build", .keyword)
        assertToken(make, 0, "$(OBJS)", .type)
        assertToken(make, 1, "$@", .type)
        assertToken(make, 1, "# link", .comment)
        assertToken(make, 2, "CC", .keyword)
        let nginx = highlight("server {\n  listen 80;\n  proxy_set_header Host $host; # keep\n}", "nginx")
        assertToken(nginx, 0, "server", .keyword)
        assertToken(nginx, 1, "80", .number)
        assertToken(nginx, 2, "$host", .type)
        assertToken(nginx, 2, "# keep", .comment)
    }

}
