// cmark-gfm and its GFM extensions for Swift.
#ifndef BYLINE_CCMARKGFM_SHIM_H
#define BYLINE_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// Exported by libcmark-gfm-extensions but not declared in Debian's headers. Valid only after
// cmark_gfm_core_extensions_ensure_registered().
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
#endif
