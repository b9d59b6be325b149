import Foundation
import GongkaiCore
import GongkaiYAML
import Yams

/// Reads and writes a report's `indicators.yaml`.
///
/// ```yaml
/// indicators:
///   - id: zwfw-shixiang
///     topic: "02/02"
///     label: 政务服务事项
///     value: 2530
///     unit: 项
///     written: "2530项"
///     quote: "全市梳理政务服务事项2530项"
///     key: true
/// ```
public enum IndicatorFile {
    /// Field names an entry may have.
    public static let fields = ["id", "topic", "label", "value", "unit", "qualifier", "written", "quote", "key", "derive"]
    /// Fields every entry must have (`unit` may be empty but must be present).
    public static let requiredFields = ["id", "topic", "label", "value", "unit", "written", "quote"]

    /// Parses `text` (the contents of the file at `path`, as shown in messages).
    ///
    /// Throws every problem found (YAML syntax, wrong shapes, missing or unknown fields, a value that is not a
    /// number), each with the line and column of the offending entry or field.
    public static func load(path: String, text: String) throws(DiagnosticError) -> IndicatorSet {
        let root: Node?
        try YAMLAliasGuard.check(text, path: path)
        do {
            // UTF-8 named: the default reads the environment. The basic resolver: every value is read as text here,
            // so resolving types with the default one's regular expressions only costs time.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            throw DiagnosticError([yamlDiagnostic(error, path: path)])
        }
        guard let root else { return IndicatorSet() }
        guard case .mapping(let top) = root else {
            throw DiagnosticError([.error(IndicatorText.expectedMapping.message, at: location(path, root))])
        }
        var diagnostics: [Diagnostic] = []
        var list: Node.Sequence?
        for (key, value) in top {
            let name = key.scalar?.string ?? ""
            if name == "indicators" {
                if case .sequence(let sequence) = value {
                    list = sequence
                } else if let scalar = value.scalar, ["", "~", "null"].contains(scalar.string) {
                    list = Node.Sequence([])
                } else {
                    diagnostics.append(.error(IndicatorText.indicatorsNotList.message, at: location(path, value)))
                }
            } else {
                diagnostics.append(.error(IndicatorText.unknownTopKey(["key": name]), at: location(path, key)))
            }
        }
        if list == nil, diagnostics.isEmpty {
            diagnostics.append(.error(IndicatorText.missingIndicatorsList.message, at: location(path, root)))
        }
        var indicators: [Indicator] = []
        for entry in list ?? Node.Sequence([]) {
            if let indicator = parseEntry(entry, path: path, diagnostics: &diagnostics) {
                indicators.append(indicator)
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        return IndicatorSet(indicators)
    }

    /// Serialises `set` as an `indicators.yaml` (the importer writes drafts with it; `load` reads it back).
    /// `comments` (by id) are written as a `#` line above their entry.
    public static func yaml(for set: IndicatorSet, comments: [String: String] = [:]) -> String {
        var out = "# Figures of the report. Each quote must occur verbatim in its topic's text and contain `written`.\n"
        out += "indicators:\n"
        for indicator in set.indicators {
            if let comment = comments[indicator.id] {
                out += "  # " + comment.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") + "\n"
            }
            out += "  - id: \(quoted(indicator.id))\n"
            out += "    topic: \(quoted(indicator.topic))\n"
            out += "    label: \(quoted(indicator.label))\n"
            out += "    value: \(indicator.valueText)\n"
            out += "    unit: \(quoted(indicator.unit))\n"
            if let qualifier = indicator.qualifier { out += "    qualifier: \(quoted(qualifier))\n" }
            out += "    written: \(quoted(indicator.written))\n"
            out += "    quote: \(quoted(indicator.quote))\n"
            if indicator.key { out += "    key: true\n" }
            if let derive = indicator.derive { out += "    derive: \(flow(derive))\n" }
        }
        if set.indicators.isEmpty { out += "  []\n" }
        return out
    }

    // MARK: - Parsing

    private static func parseEntry(_ node: Node, path: String, diagnostics: inout [Diagnostic]) -> Indicator? {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(IndicatorText.entryNotMapping.message, at: location(path, node)))
            return nil
        }
        let entryLocation = location(path, node)
        var values: [String: Node] = [:]
        var positions: [String: Indicator.Origin.Position] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard fields.contains(name) else {
                diagnostics.append(.error(IndicatorText.unknownField(["field": name]), at: location(path, key)))
                continue
            }
            values[name] = value
            let mark = value.mark ?? key.mark
            positions[name] = Indicator.Origin.Position(line: mark?.line ?? 0, column: mark?.column ?? 0)
        }
        let id = values["id"]?.scalar?.string
        let name = id.map { IndicatorText.indicatorNamed(["id": $0]) } ?? IndicatorText.indicatorUnnamed.message
        var ok = true
        for field in requiredFields where values[field] == nil {
            diagnostics.append(.error(IndicatorText.missingField.embedding(["name": name], ["field": field]), at: entryLocation))
            ok = false
        }
        func text(_ field: String) -> String? {
            guard let node = values[field] else { return nil }
            guard let scalar = node.scalar else {
                diagnostics.append(.error(IndicatorText.fieldNotText.embedding(["name": name], ["field": field]), at: location(path, node)))
                ok = false
                return nil
            }
            return scalar.string
        }
        let topic = text("topic"), label = text("label"), unit = text("unit")
        let written = text("written"), quote = text("quote"), qualifier = text("qualifier")
        var value: Decimal?
        if let node = values["value"] {
            value = node.scalar.flatMap { DecimalText.parse($0.string) }
            if value == nil {
                diagnostics.append(.error(IndicatorText.valueNotNumber.embedding(["name": name]), at: location(path, node)))
                ok = false
            }
        }
        var key = false
        if let node = values["key"] {
            switch node.scalar?.string {
            case "true": key = true
            case "false": key = false
            default:
                diagnostics.append(.error(IndicatorText.keyNotBoolean.embedding(["name": name]), at: location(path, node)))
                ok = false
            }
        }
        var derive: Derivation?
        if let node = values["derive"] {
            derive = parseDerivation(node, name: name, path: path, diagnostics: &diagnostics)
            if derive == nil { ok = false }
        }
        guard ok, let id, let topic, let label, let value, let unit, let written, let quote else { return nil }
        return Indicator(
            id: id, topic: topic, label: label, value: value, unit: unit,
            qualifier: qualifier.flatMap { $0.isEmpty ? nil : $0 }, written: written, quote: quote, key: key,
            derive: derive,
            origin: Indicator.Origin(line: entryLocation.line, column: entryLocation.column, fields: positions)
        )
    }

    private static func parseDerivation(_ node: Node, name: Message, path: String, diagnostics: inout [Diagnostic]) -> Derivation? {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(IndicatorText.deriveNotMapping.embedding(["name": name]), at: location(path, node)))
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping { fields[key.scalar?.string ?? ""] = value }
        let allowed: Set<String> = ["op", "numerator", "denominator", "of", "percent", "decimals"]
        for (key, _) in mapping where !allowed.contains(key.scalar?.string ?? "") {
            diagnostics.append(.error(IndicatorText.unknownDeriveField.embedding(["name": name], ["field": key.scalar?.string ?? ""]), at: location(path, key)))
            return nil
        }
        guard let opText = fields["op"]?.scalar?.string, let op = Derivation.Operation(rawValue: opText) else {
            let known = Derivation.Operation.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.append(.error(IndicatorText.deriveOpUnknown.embedding(["name": name], ["known": known]), at: location(path, fields["op"] ?? node)))
            return nil
        }
        var operands: [String] = []
        switch op {
        case .ratio:
            guard let numerator = fields["numerator"]?.scalar?.string, let denominator = fields["denominator"]?.scalar?.string else {
                diagnostics.append(.error(IndicatorText.ratioNeedsOperands.embedding(["name": name]), at: location(path, node)))
                return nil
            }
            operands = [numerator, denominator]
        case .sum, .equal:
            if let single = fields["of"]?.scalar?.string {
                operands = [single]
            } else if case .sequence(let list)? = fields["of"] {
                operands = list.compactMap { $0.scalar?.string }
            }
            guard !operands.isEmpty, op != .equal || operands.count == 1 else {
                diagnostics.append(.error((op == .equal ? IndicatorText.deriveOfOneID : IndicatorText.deriveOfIDs).embedding(["name": name]), at: location(path, node)))
                return nil
            }
        }
        var percent = false
        if let p = fields["percent"]?.scalar?.string {
            guard p == "true" || p == "false" else {
                diagnostics.append(.error(IndicatorText.derivePercentNotBoolean.embedding(["name": name]), at: location(path, node)))
                return nil
            }
            percent = p == "true"
        }
        var decimals: Int?
        if let d = fields["decimals"]?.scalar?.string {
            guard let n = Int(d), (0...12).contains(n) else {
                diagnostics.append(.error(IndicatorText.deriveDecimalsRange.embedding(["name": name]), at: location(path, node)))
                return nil
            }
            decimals = n
        }
        return Derivation(operation: op, operands: operands, percent: percent, decimals: decimals)
    }

    private static func location(_ path: String, _ node: Node) -> SourceLocation {
        SourceLocation(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    private static func yamlDiagnostic(_ error: any Error, path: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("cannot read YAML: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { " \($0.text) (line \($0.mark.line))" } ?? ""
            return .error("invalid YAML: \(problem)\(detail)", at: SourceLocation(path: path, line: mark.line, column: mark.column))
        case let .reader(problem, offset, _, yaml):
            // A character libyaml cannot read (a control character, a broken sequence): its line and column from
            // its byte offset (columns count characters, as everywhere).
            return .error("invalid YAML: \(problem)", at: readerLocation(offset: offset ?? 0, in: yaml, path: path))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicated key \(duplicates.joined(separator: ", ")) in YAML mapping",
                          at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column))
        default:
            return .error("invalid YAML: \(yamlError)", at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    /// Line and column (characters, from 1) of the byte `offset` of `yaml`.
    static func readerLocation(offset: Int, in yaml: String, path: String) -> SourceLocation {
        let bytes = Array(yaml.utf8)
        let end = max(0, min(offset, bytes.count))
        var line = 1, lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    // MARK: - Writing

    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String { TextEscaping.yamlQuoted(text) }

    private static func flow(_ derive: Derivation) -> String {
        var parts = ["op: \(derive.operation.rawValue)"]
        switch derive.operation {
        case .ratio:
            parts.append("numerator: \(derive.operands.first ?? "")")
            parts.append("denominator: \(derive.operands.dropFirst().first ?? "")")
        case .sum, .equal:
            parts.append("of: [\(derive.operands.joined(separator: ", "))]")
        }
        if derive.percent { parts.append("percent: true") }
        if let decimals = derive.decimals { parts.append("decimals: \(decimals)") }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
