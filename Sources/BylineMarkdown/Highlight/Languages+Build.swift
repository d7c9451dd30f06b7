import BylineCore

// Build and server configuration: Dockerfile, Makefile, nginx.

extension LanguageDefinition {
    /// Dockerfile: instructions in any case, `$VAR` and `${VAR}` as in the shell.
    package static let dockerfile = LanguageDefinition(
        names: ["dockerfile", "docker", "containerfile"],
        keywords: [
            "add", "arg", "as", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label",
            "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
        ],
        caseInsensitiveWords: true,
        identifierStarts: pathCharacters, // the `run` in `/usr/bin/run` is a path, not an instruction
        identifierCharacters: "-:", // `swift:6.0-jammy` is one image name
        lineComments: ["#"],
        lineCommentsNeedSpaceBefore: true,
        strings: [StringSyntax("\""), StringSyntax("'", escape: nil)],
        stringsNeedWordBoundary: true,
        numbers: NumberSyntax(radixPrefixes: false, separators: false, exponents: false),
        sigils: [shellVariable]
    )

    /// Makefile: a target before `:` at the start of a line is `.keyword` (recipes are indented and are
    /// not); `$(VAR)`, `${VAR}` and automatic variables like `$@` are `.type`.
    package static let makefile = LanguageDefinition(
        names: ["makefile", "make", "mk", "mak", "gnumakefile", "bsdmakefile"],
        keywords: [
            "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "sinclude", "define", "endef",
            "export", "unexport", "override", "private", "vpath",
        ],
        identifierStarts: pathCharacters,
        identifierCharacters: "-",
        lineComments: ["#"],
        strings: [StringSyntax("\""), StringSyntax("'", escape: nil)],
        stringsNeedWordBoundary: true,
        numbers: NumberSyntax(radixPrefixes: false, separators: false, exponents: false),
        sigils: [Sigil("$", .type, brackets: ["()", "{}"], specialNames: "@<^+?*%|$")],
        keys: KeySyntax(separator: ":", allowsIndent: false, forbidden: "=#\"'$")
    )

    /// nginx: directives are keywords, `$variables` are `.type`.
    package static let nginx = LanguageDefinition(
        names: ["nginx", "nginxconf"],
        keywords: [
            "access_log", "add_header", "alias", "allow", "charset", "client_max_body_size", "default_type",
            "deny", "error_log", "error_page", "events", "expires", "gzip", "gzip_types", "http", "if",
            "include", "index", "keepalive_timeout", "limit_req", "listen", "location", "map", "off", "on",
            "pid", "proxy_http_version", "proxy_pass", "proxy_redirect", "proxy_set_header", "return",
            "rewrite", "root", "sendfile", "server", "server_name", "set", "ssl_certificate",
            "ssl_certificate_key", "ssl_ciphers", "ssl_protocols", "stream", "try_files", "types", "upstream",
            "user", "worker_connections", "worker_processes",
        ],
        identifierStarts: pathCharacters, // `/etc/nginx/mime.types` is a path, not the `types` block
        identifierCharacters: ":-", // `http://127.0.0.1:9000` is one address
        lineComments: ["#"],
        lineCommentsNeedSpaceBefore: true,
        strings: [StringSyntax("\""), StringSyntax("'")],
        stringsNeedWordBoundary: true,
        numbers: NumberSyntax(radixPrefixes: false, separators: false, exponents: false, suffixes: true),
        sigils: [Sigil("$", .type, brackets: ["{}"], specialNames: "0123456789")]
    )
}
