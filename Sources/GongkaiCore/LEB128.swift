/// Unsigned LEB128 numbers (seven bits a byte, low bits first, the high bit set on every byte but the last): how
/// the compact posting lists and the output's records store their numbers.
public enum LEB128 {
    /// Writes `value` at `out[o]` (room for up to 10 bytes), moving `o` past it.
    @inlinable @inline(__always)
    public static func write(_ value: UInt64, to out: UnsafeMutableBufferPointer<UInt8>, at o: inout Int) {
        var v = value
        while v >= 0x80 {
            out[o] = UInt8(truncatingIfNeeded: v) | 0x80
            o += 1
            v >>= 7
        }
        out[o] = UInt8(truncatingIfNeeded: v)
        o += 1
    }

    /// Appends `value` to `out`.
    @inlinable
    public static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(truncatingIfNeeded: v))
    }

    /// The number at `bytes[i]` (written by this type), moving `i` past it.
    @inlinable @inline(__always)
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = bytes[i]
            i += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }
}
