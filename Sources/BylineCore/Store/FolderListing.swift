import Foundation

extension PostFinder {
    /// One folder's listing with every name in one byte buffer: a folder of 100,000 posts lists in
    /// about 4 MB held in three arrays, where an array of `Entry` with a string per name took about
    /// 10 MB in 100,000 small allocations, whose freed memory stayed scattered in the walking thread's
    /// malloc arena after the walk. An entry's `name` is made when it is asked for.
    struct Listing: RandomAccessCollection {
        /// Every name's UTF-8 bytes, one after another.
        private var bytes: [UInt8] = []
        /// Where each name ends in `bytes` (it starts where the one before ends).
        private var ends: [UInt32] = []
        /// Each name's `d_type`.
        private var types: [UInt8] = []

        var startIndex: Int { 0 }
        var endIndex: Int { ends.count }

        subscript(position: Int) -> Entry {
            Entry(name: String(decoding: nameBytes(position), as: UTF8.self), type: types[position])
        }

        /// The name at `position`'s bytes, with no string made.
        private func nameBytes(_ position: Int) -> ArraySlice<UInt8> {
            bytes[(position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])]
        }

        /// Adds the entry `name` (its UTF-8 bytes) of `type`.
        mutating func append<Bytes: Collection<UInt8>>(name: Bytes, type: UInt8) {
            bytes.append(contentsOf: name)
            ends.append(UInt32(bytes.count))
            types.append(type)
        }

        /// Whether every entry is hidden (its name starts with `.`), a regular file or a folder, asked
        /// of the bytes: no string is made per entry.
        var onlyHiddenFilesAndFolders: Bool {
            indices.allSatisfy { position in
                nameBytes(position).first == 0x2E || types[position] == UInt8(DT_REG) || types[position] == UInt8(DT_DIR)
            }
        }
    }
}
