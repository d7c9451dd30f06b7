@preconcurrency import CNcursesw

/// The locale set-up every terminal program needs before it measures or draws text.
public enum TerminalLocale {
    /// Takes the user's locale, falling back to `C.UTF-8` when it is not UTF-8: over SSH `LANG` often
    /// does not arrive, and without UTF-8 wide characters vanish and `wcwidth` answers -1.
    /// Returns the codeset in force afterwards.
    @discardableResult
    public static func ensureUTF8() -> String {
        setlocale(LC_ALL, "")
        if codeset() != "UTF-8" {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        }
        return codeset()
    }

    static func codeset() -> String {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: name)
    }
}
