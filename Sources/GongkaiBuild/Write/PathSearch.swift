/// Binary search in arrays kept sorted by path (output files, manifest entries), so that an incremental rebuild
/// touches only the entries it changes.
enum PathSearch {
    /// Where `path` is, or where it would be inserted, in `items` sorted by `key` (String `<`).
    static func position<T>(of path: String, in items: [T], key: (T) -> String) -> (index: Int, found: Bool) {
        var lo = 0, hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(items[mid]) < path { lo = mid + 1 } else { hi = mid }
        }
        return (lo, lo < items.count && key(items[lo]) == path)
    }

    /// Replaces or inserts `item` in `items` sorted by `key`.
    static func upsert<T>(_ item: T, into items: inout [T], key: (T) -> String) {
        let (i, found) = position(of: key(item), in: items, key: key)
        if found { items[i] = item } else { items.insert(item, at: i) }
    }

    /// Removes the item with `path`, if any.
    static func remove<T>(_ path: String, from items: inout [T], key: (T) -> String) {
        let (i, found) = position(of: path, in: items, key: key)
        if found { items.remove(at: i) }
    }
}
