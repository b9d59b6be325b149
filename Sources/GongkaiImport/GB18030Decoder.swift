#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes GB18030 (and so GBK and GB2312) with the C library's iconv, reporting where decoding fails.
///
/// swift-corelibs-foundation can decode GB18030 but does not say where bad bytes are; iconv does.
enum GB18030Decoder {
    /// The outcome of one decoding attempt.
    enum Result {
        case text(String)
        /// Bytes from `offset` are not GB18030.
        case invalid(offset: Int)
        /// iconv does not know GB18030 on this system.
        case unavailable
    }

    /// Decodes `bytes` as GB18030.
    static func decode(_ bytes: [UInt8]) -> Result {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return .unavailable }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        var failed = false
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                failed = r == -1 || inLeft > 0
            }
        }
        if failed { return .invalid(offset: bytes.count - inLeft) }
        return .text(String(decoding: output[0..<(output.count - outLeft)], as: UTF8.self))
    }
}
