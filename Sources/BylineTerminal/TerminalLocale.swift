@preconcurrency import CNcursesw

/// The locale set-up every terminal program needs before it measures or draws text.
package enum TerminalLocale {
    /// Takes the user's character set, falling back to `C.UTF-8` when it is not UTF-8: over SSH `LANG`
    /// often does not arrive, and without UTF-8 wide characters vanish and `wcwidth` answers -1.
    /// Returns the codeset in force afterwards.
    ///
    /// Only `LC_CTYPE`, which is all ncursesw and `wcwidth` read: byline formats its own dates and
    /// numbers and sorts by its own rules, so the other eleven categories were loaded for nothing
    /// (two file opens and a map each, 0.2 ms of a 12 ms first screen), and a `LC_NUMERIC` with a
    /// decimal comma could only have misread numbers.
    @discardableResult
    package static func ensureUTF8() -> String {
        setlocale(LC_CTYPE, "")
        if codeset() != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        return codeset()
    }

    static func codeset() -> String {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: name)
    }
}
