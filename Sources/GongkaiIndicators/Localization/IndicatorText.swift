import GongkaiCore

/// The messages about indicators.yaml: its fields, its figures checked against the pages, and derived figures audited.
public enum IndicatorText: String, MessageCatalogue {
    // Names used inside other messages.
    case indicatorNamed
    case indicatorUnnamed
    // The file's shape.
    case expectedMapping
    case indicatorsNotList
    case unknownTopKey
    case missingIndicatorsList
    case entryNotMapping
    case unknownField
    case missingField
    case fieldNotText
    case valueNotNumber
    case keyNotBoolean
    case deriveNotMapping
    case unknownDeriveField
    case deriveOpUnknown
    case ratioNeedsOperands
    case deriveOfOneID
    case deriveOfIDs
    case derivePercentNotBoolean
    case deriveDecimalsRange
    // Checked against the pages.
    case emptyField
    case invalidID
    case duplicateID
    case duplicateIDAtLine
    case quotePunctuationDiffers
    case quoteNotFound
    case unknownTopic
    case quoteLacksFigure
    case figureDisagrees
    case figureUnreadable
    case deriveUnknownOperand
    case deriveSelf
    // The audit of derived figures.
    case cannotAudit
    case auditUnknownIndicator
    case auditRatioOperands
    case auditZeroDenominator
    case auditMismatch
    case auditRounded
    case auditRoundedFrom
    case auditQualifierBound
    case oneDecimal
    case decimals

    public static let catalogueName = "indicator"

    public var texts: MessageTexts {
        switch self {
        case .indicatorNamed: MessageTexts("indicator `{id}`", "指标 `{id}`")
        case .indicatorUnnamed: MessageTexts("indicator", "指标")
        case .expectedMapping: MessageTexts("expected a mapping with an `indicators:` list", "应为含 `indicators:` 列表的映射")
        case .indicatorsNotList: MessageTexts("`indicators` must be a list", "`indicators` 必须是列表")
        case .unknownTopKey: MessageTexts("unknown key `{key}` (expected `indicators`)", "未知的键 `{key}`（应为 `indicators`）")
        case .missingIndicatorsList: MessageTexts("missing `indicators:` list", "缺少 `indicators:` 列表")
        case .entryNotMapping: MessageTexts("each indicator must be a mapping of fields", "每个指标都必须是由字段组成的映射")
        case .unknownField: MessageTexts("unknown field `{field}`", "未知的字段 `{field}`")
        case .missingField: MessageTexts("{name} is missing `{field}`", "{name}缺少 `{field}`")
        case .fieldNotText: MessageTexts("`{field}` of {name} must be text", "{name}的 `{field}` 必须是文字")
        case .valueNotNumber: MessageTexts("`value` of {name} must be a plain number like 3658.78", "{name}的 `value` 必须是普通数字，如 3658.78")
        case .keyNotBoolean: MessageTexts("`key` of {name} must be true or false", "{name}的 `key` 必须是 true 或 false")
        case .deriveNotMapping:
            MessageTexts("`derive` of {name} must be a mapping like {op: ratio, numerator: a, denominator: b}",
                         "{name}的 `derive` 必须是映射，如 {op: ratio, numerator: a, denominator: b}")
        case .unknownDeriveField: MessageTexts("unknown `derive` field `{field}` in {name}", "{name}中有未知的 `derive` 字段 `{field}`")
        case .deriveOpUnknown: MessageTexts("`derive.op` of {name} must be one of {known}", "{name}的 `derive.op` 必须是 {known} 之一")
        case .ratioNeedsOperands:
            MessageTexts("a ratio in {name} needs `numerator` and `denominator` ids", "{name}中的比率需要 `numerator` 和 `denominator` 两个 id")
        case .deriveOfOneID: MessageTexts("`derive.of` of {name} must list the one id it derives from", "{name}的 `derive.of` 必须写出它所依据的一个 id")
        case .deriveOfIDs: MessageTexts("`derive.of` of {name} must list the ids it derives from", "{name}的 `derive.of` 必须列出它所依据的各个 id")
        case .derivePercentNotBoolean: MessageTexts("`derive.percent` of {name} must be true or false", "{name}的 `derive.percent` 必须是 true 或 false")
        case .deriveDecimalsRange: MessageTexts("`derive.decimals` of {name} must be a whole number 0…12", "{name}的 `derive.decimals` 必须是 0…12 的整数")
        case .emptyField: MessageTexts("{name} has an empty `{field}`", "{name}的 `{field}` 是空的")
        case .invalidID:
            MessageTexts("id `{id}` must be Han characters, ASCII letters, digits and - _ . (stable across years)",
                         "id `{id}` 只能由汉字、英文字母、数字和 - _ . 组成（各年保持不变）")
        case .duplicateID: MessageTexts("duplicate id `{id}`", "id `{id}` 重复")
        case .duplicateIDAtLine: MessageTexts("duplicate id `{id}` (first at line {line})", "id `{id}` 重复（第一次出现在第 {line} 行）")
        case .quotePunctuationDiffers:
            MessageTexts("quote of {name} is not verbatim in topic {topic}: it differs in punctuation (e.g. ',' vs '，'): “{quote}”",
                         "{name}的引文与专题 {topic} 的原文不一致：标点不同（如 ',' 与 '，'）：“{quote}”")
        case .quoteNotFound: MessageTexts("quote of {name} not found in topic {topic}: “{quote}”", "在专题 {topic} 中找不到{name}的引文：“{quote}”")
        case .unknownTopic: MessageTexts("unknown topic `{topic}` for {name} (topics: {known})", "{name}的专题 `{topic}` 不存在（现有专题：{known}）")
        case .quoteLacksFigure: MessageTexts("quote of {name} does not contain its figure “{written}”", "{name}的引文中没有它的数据“{written}”")
        case .figureDisagrees:
            MessageTexts("{name}: “{written}” reads as {figure} but the entry says {declared}", "{name}：“{written}”读作 {figure}，但条目写的是 {declared}")
        case .figureUnreadable:
            MessageTexts("{name}: cannot read “{written}” as a figure (number, qualifier, unit)", "{name}：无法把“{written}”读作数据（数字、修饰词、单位）")
        case .deriveUnknownOperand: MessageTexts("derivation of {name} names unknown indicator `{operand}`", "{name}的推算引用了不存在的指标 `{operand}`")
        case .deriveSelf: MessageTexts("derivation of {name} refers to itself", "{name}的推算引用了它自己")
        case .cannotAudit: MessageTexts("cannot audit {label}: {problem}", "无法核算{label}：{problem}")
        case .auditUnknownIndicator: MessageTexts("unknown indicator `{id}`", "指标 `{id}` 不存在")
        case .auditRatioOperands: MessageTexts("a ratio needs two operands", "比率需要两个运算数")
        case .auditZeroDenominator: MessageTexts("denominator `{id}` is zero", "分母 `{id}` 为零")
        case .auditMismatch:
            MessageTexts("{label} published as {published} but {expression} = {computed} ({how})",
                         "{label}公布为 {published}，但 {expression} = {computed}（{how}）")
        case .auditRounded: MessageTexts("rounded half-up to {places}", "四舍五入到{places}")
        case .auditRoundedFrom: MessageTexts("rounded half-up to {places} from {exact}", "由 {exact} 四舍五入到{places}")
        case .auditQualifierBound: MessageTexts("; “{qualifier}” taken as a bound", "；“{qualifier}”按界限处理")
        case .oneDecimal: MessageTexts("1 decimal", " 1 位小数")
        case .decimals: MessageTexts("{count} decimals", " {count} 位小数")
        }
    }
}
