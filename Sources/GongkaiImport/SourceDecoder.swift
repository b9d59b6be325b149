import GongkaiCore

/// Turns the bytes of a report file into text: detects UTF-8 (with or without BOM), UTF-16 with BOM and
/// GB18030/GBK from the bytes themselves, never from the file name. Rejects empty, binary and undecodable input
/// with an error that names the byte offset and line.
public struct SourceDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes `bytes` read from `path` (the path is only used in messages).
    public func decode(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> DecodedSource {
        func fail(_ message: Message, offset: Int? = nil) -> DiagnosticError {
            let line = offset.map { Self.lineNumber(ofByte: $0, in: bytes) } ?? 1
            return DiagnosticError([.error(message, at: SourceLocation(path: path, line: line, column: 1))])
        }
        if bytes.isEmpty { throw fail(ImportText.fileEmpty.message) }

        let encoding: SourceEncoding
        let text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let bad = Self.firstInvalidUTF8(body) {
                throw fail(ImportText.badUTF8AfterBOM(["offset": bad + 3, "bytes": Self.hex(bytes, at: bad + 3)]), offset: bad + 3)
            }
            encoding = .utf8BOM
            text = String(decoding: body, as: UTF8.self)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            encoding = little ? .utf16LE : .utf16BE
            text = try Self.decodeUTF16(bytes, littleEndian: little, path: path)
        } else {
            if let nul = bytes.firstIndex(of: 0) {
                throw fail(ImportText.binaryNULByte(["offset": nul]), offset: nul)
            }
            if let bad = Self.firstInvalidUTF8(bytes) {
                switch GB18030Decoder.decode(bytes) {
                case .text(let decoded):
                    encoding = .gb18030
                    text = decoded
                case .invalid(let gbOffset):
                    // Report the place where the decoder that got further stopped.
                    let offset = max(bad, gbOffset)
                    throw fail(ImportText.neitherUTF8NorGB18030(["offset": offset, "bytes": Self.hex(bytes, at: offset)]), offset: offset)
                case .unavailable:
                    throw fail(ImportText.noGB18030InIconv(["offset": bad, "bytes": Self.hex(bytes, at: bad)]), offset: bad)
                }
            } else {
                encoding = .utf8
                text = String(decoding: bytes, as: UTF8.self)
            }
        }

        let (lines, ending) = DecodedSource.splitLines(text)
        for (i, line) in lines.enumerated() {
            if let (column, scalar) = Self.firstControl(in: line) {
                throw DiagnosticError([.error(
                    ImportText.binaryControlCharacter(["code": String(scalar.value, radix: 16, uppercase: true).leftPadded(4), "line": i + 1]),
                    at: SourceLocation(path: path, line: i + 1, column: column))])
            }
        }
        if lines.allSatisfy({ $0.trimmedSource.isEmpty }) { throw fail(ImportText.fileOnlyWhiteSpace.message) }
        return DecodedSource(path: path, encoding: encoding, lineEnding: ending, lines: lines)
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { k < n && b[k] >= lo && b[k] <= hi }
        while i < n {
            let c = b[i]
            switch c {
            case 0x00...0x7F: i += 1
            case 0xC2...0xDF:
                guard cont(i + 1) else { return i }
                i += 2
            case 0xE0...0xEF:
                let lo: UInt8 = c == 0xE0 ? 0xA0 : 0x80
                let hi: UInt8 = c == 0xED ? 0x9F : 0xBF
                guard cont(i + 1, lo, hi), cont(i + 2) else { return i }
                i += 3
            case 0xF0...0xF4:
                let lo: UInt8 = c == 0xF0 ? 0x90 : 0x80
                let hi: UInt8 = c == 0xF4 ? 0x8F : 0xBF
                guard cont(i + 1, lo, hi), cont(i + 2), cont(i + 3) else { return i }
                i += 4
            default: return i
            }
        }
        return nil
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, path: String) throws(DiagnosticError) -> String {
        let body = bytes.dropFirst(2)
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var k = body.startIndex
        while k + 1 < body.endIndex {
            let a = UInt16(body[k]), b = UInt16(body[k + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            k += 2
        }
        var scalars = String.UnicodeScalarView()
        var line = 1
        var i = 0
        while i < units.count {
            let u = units[i]
            if u == 0x0A || (u == 0x0D && (i + 1 >= units.count || units[i + 1] != 0x0A)) { line += 1 }
            if (0xD800...0xDBFF).contains(u), i + 1 < units.count, (0xDC00...0xDFFF).contains(units[i + 1]),
               let s = Unicode.Scalar(0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)) {
                scalars.append(s)
                i += 2
            } else if let s = Unicode.Scalar(u) {
                if s == "\0" {
                    throw DiagnosticError([.error(ImportText.binaryNULCharacterUTF16(["offset": 2 + 2 * i]),
                                                  at: SourceLocation(path: path, line: line, column: 1))])
                }
                scalars.append(s)
                i += 1
            } else {
                throw DiagnosticError([.error(ImportText.unpairedSurrogate(["offset": 2 + 2 * i]),
                                              at: SourceLocation(path: path, line: line, column: 1))])
            }
        }
        if body.count % 2 != 0 {
            throw DiagnosticError([.error(ImportText.oddUTF16Length(["offset": bytes.count - 1]),
                                          at: SourceLocation(path: path, line: line, column: 1))])
        }
        return String(scalars)
    }

    /// 1-based line of byte `offset` (counting LF, CRLF and CR line ends before it).
    static func lineNumber(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A { line += 1 } else if bytes[i] == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A { line += 1 }
            i += 1
        }
        return line
    }

    private static func hex(_ bytes: [UInt8], at offset: Int) -> String {
        bytes[offset..<min(bytes.count, offset + 4)].map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(2) }
            .joined(separator: " ")
    }

    /// The first C0 control character other than tab, form feed and vertical tab, with its 1-based column.
    private static func firstControl(in line: String) -> (Int, Unicode.Scalar)? {
        var column = 0
        for s in line.unicodeScalars {
            column += 1
            if s.value < 0x20, s != "\t", s.value != 0x0B, s.value != 0x0C { return (column, s) }
            if s.value == 0x7F { return (column, s) }
        }
        return nil
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
