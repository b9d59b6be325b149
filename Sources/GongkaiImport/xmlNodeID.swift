/// The identity of a libxml2 node (its address), for sets and dictionaries of nodes.
struct xmlNodeID: Hashable {
    private let address: UInt

    /// The identity of `node`.
    init(_ node: XMLNodeRef) { address = UInt(bitPattern: node.node) }
}
