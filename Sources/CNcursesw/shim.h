// The wide-character ncurses API for Swift. SwiftPM drops the -D flags of ncursesw's pkg-config,
// so the defines that expose cchar_t, get_wch and friends are set here, before the include.
#ifndef BYLINE_CNCURSESW_SHIM_H
#define BYLINE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/ncurses.h>

// glibc hides these behind __USE_XOPEN.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

// Macros that Swift cannot import, as functions.
static inline attr_t byline_a_bold(void) { return A_BOLD; }
static inline attr_t byline_a_dim(void) { return A_DIM; }
static inline attr_t byline_a_reverse(void) { return A_REVERSE; }
static inline attr_t byline_a_underline(void) { return A_UNDERLINE; }
static inline attr_t byline_a_italic(void) { return A_ITALIC; }
static inline attr_t byline_a_normal(void) { return A_NORMAL; }
static inline int byline_key_f(int n) { return KEY_F(n); }
static inline int byline_color_pair(int n) { return COLOR_PAIR(n); }
#endif
