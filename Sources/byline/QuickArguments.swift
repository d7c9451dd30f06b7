/// The argument scanner `QuickShow` and `QuickRead` share: one argument at a time, an option's value
/// the argument after it. Whatever it cannot read plainly (a missing or empty value, a value that looks
/// like an option, a number that is not a few plain digits) comes back nil, and the quick parser then
/// leaves the whole command line to swift-argument-parser.
struct QuickArguments {
    private let arguments: ArraySlice<String>
    private var index: Int

    init(_ arguments: ArraySlice<String>) {
        self.arguments = arguments
        index = arguments.startIndex
    }

    /// The next argument; nil past the last.
    mutating func next() -> String? {
        guard index < arguments.endIndex else { return nil }
        defer { index += 1 }
        return arguments[index]
    }

    /// The value of the option just read.
    mutating func value() -> String? {
        guard let text = next(), !text.isEmpty, !text.hasPrefix("-") else { return nil }
        return text
    }

    /// The value of the option just read, as a number of at most `digits` plain decimal digits.
    mutating func number(digits: Int) -> Int? {
        guard let text = value(), text.utf8.count <= digits, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    /// Sets `flag`; false when it was set already (a repeated flag is the full parser's to judge).
    static func set(_ flag: inout Bool) -> Bool {
        guard !flag else { return false }
        flag = true
        return true
    }
}
