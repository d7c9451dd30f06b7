// libxml2's HTML parser and tree for Swift. Its headers live in /usr/include/libxml2: the target's
// pkg-config (libxml-2.0) supplies that include path, and nothing else (it has no -D flags to drop).
#ifndef BYLINE_CLIBXML2_SHIM_H
#define BYLINE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so encoding.h includes the system's <unicode/ucnv.h>, whose types
// clash with Foundation's own copy of ICU in any module that sees both. byline only parses UTF-8 and
// never touches an encoding handler (the one struct whose fields depend on this), so hide ICU.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
