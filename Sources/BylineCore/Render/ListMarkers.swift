extension ListBlock {
    /// Each item's marker with its trailing space: a checkbox for a task, a right-aligned number for
    /// an ordered list, else the bullet of `depth`.
    func markers(glyphs: Glyphs, depth: Int) -> [String] {
        let numbers = items.indices.map { String(start + $0) + "." }
        let numberWidth = numbers.map(\.count).max() ?? 0
        return items.indices.map { index in
            if let done = items[index].task { return (done ? glyphs.taskDone : glyphs.taskOpen) + " " }
            if ordered { return String(repeating: " ", count: numberWidth - numbers[index].count) + numbers[index] + " " }
            return glyphs.bullet(depth: depth) + " "
        }
    }
}
