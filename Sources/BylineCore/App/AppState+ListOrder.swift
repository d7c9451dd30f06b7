/// The order of the post list (`S` in the list). `results` are kept in this order, so every move, the
/// reader's `]`/`[` and the prefetching follow the list as drawn.
package enum ListOrder: Hashable, Sendable {
    /// Newest first: the store's own order (post numbers ascending).
    case newest
    /// Oldest first.
    case oldest
    /// By title, case and accents aside (`PostStore.titleOrder`, built once).
    case title

    /// The order `S` goes to next.
    var next: ListOrder {
        switch self {
        case .newest: return .oldest
        case .oldest: return .title
        case .title: return .newest
        }
    }

    /// What the Posts pane's header says of it; nil for the usual newest first.
    package var label: String? {
        switch self {
        case .newest: return nil
        case .oldest: return "oldest first"
        case .title: return "by title"
        }
    }
}

extension AppState {
    /// `numbers`, newest first (ascending post numbers), in the list's order: reversed, or picked from
    /// the store's title order by one pass over it (no sort per key, at any size).
    func inListOrder(_ unfiltered: [Int]) -> [Int] {
        // The "saved" row's condition, which the store's query does not know (`AppState+Saved`).
        let numbers = savedFiltered(unfiltered)
        switch listOrder {
        case .newest: return numbers
        case .oldest: return numbers.reversed()
        case .title:
            let members = PostSet(capacity: store.posts.count, members: numbers)
            return store.titleOrder.filter { members.contains($0) }
        }
    }

    /// The results newest first, whatever the list's order.
    var resultsNewestFirst: [Int] {
        switch listOrder {
        case .newest: return results
        case .oldest: return results.reversed()
        case .title: return Array(resultSet)
        }
    }
}
