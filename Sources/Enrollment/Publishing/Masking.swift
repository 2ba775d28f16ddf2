/// How personal data is masked before anything is published (公开招生结果脱敏).
///
/// Rules (docs/PUBLISHING.md):
/// - **Chinese names** (any Han character in the name): the surname stays, every other
///   character becomes `*`: 张三 → 张*, 王小明 → 王**. A name that starts with one of
///   `compoundSurnames` keeps both characters: 欧阳娜娜 → 欧阳**. A one-character name, or a
///   name that is only a compound surname, shows nothing of itself: 张 → *, 欧阳 → 欧*.
///   A middle dot (·) counts as a character to mask.
/// - **Other names**: the first character stays, followed by `***` whatever the length
///   (Anna Lee → A***), so the length is not shown either.
/// - **Resident id numbers** (居民身份证号码): 18 or 15 characters keep the first 6 (the
///   region of registration) and the last 4: 419901201309210024 → 419901********0024,
///   410102880101123 → 410102*****1123. Any other length is masked entirely (one `*` per character).
/// - The empty text stays empty. `student_id` is never masked: it is how a family finds its result.
///
/// Every function is pure and O(length of the text).
enum Masking {
    /// The compound surnames (复姓) kept whole, from the Hundred Family Surnames (百家姓).
    static let compoundSurnames: [String] = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐",
        "夏侯", "轩辕", "端木", "司徒", "司空", "宇文", "独孤", "南宫", "西门", "万俟", "闻人",
        "赫连", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "钟离", "呼延",
        "拓跋", "百里", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "东门", "第五", "公羊",
        "谷梁", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良",
        "段干", "闾丘", "鲜于", "仲孙", "叔孙", "太史", "鲁丘",
    ]

    /// The text that replaces each masked character.
    static let mark: Character = "*"

    /// The published form of a person's name.
    static func name(_ name: String) -> String {
        let trimmed = name.trimmingSpaces
        // Han ideographs and printable ASCII are each a character of their own, so a name made
        // only of them is masked scalar by scalar, without finding character boundaries.
        let scalars = Array(trimmed.unicodeScalars)
        if scalars.allSatisfy({ $0.isHan || (0x20...0x7E).contains($0.value) }) {
            return masked(scalars, isHan: \.isHan) { String(String.UnicodeScalarView($0)) }
        }
        return masked(Array(trimmed), isHan: \.isHan) { String($0) }
    }

    /// The masking of a name given as its characters (`Unit` a character, or a scalar where
    /// every scalar is a character).
    private static func masked<Unit>(_ units: [Unit], isHan: (Unit) -> Bool, text: (ArraySlice<Unit>) -> String) -> String {
        guard !units.isEmpty else { return "" }
        guard units.contains(where: isHan) else {
            return text(units[..<1]) + String(repeating: mark, count: 3)
        }
        let kept = units.count > 2 && compoundSurnameSet.contains(text(units[0...1])) ? 2
            : units.count > 1 ? 1 : 0
        return text(units[..<kept]) + String(repeating: mark, count: units.count - kept)
    }

    private static let compoundSurnameSet = Set(compoundSurnames)

    /// The published form of a resident id number.
    static func idNumber(_ idNumber: String) -> String {
        // The usual number, 18 or 15 printable ASCII characters and no space: masked byte by byte.
        let utf8 = idNumber.utf8
        if utf8.count == 18 || utf8.count == 15, utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
            var bytes = Array(utf8)
            for k in 6..<(bytes.count - 4) { bytes[k] = UInt8(ascii: "*") }
            return String(decoding: bytes, as: UTF8.self)
        }
        let characters = Array(idNumber.trimmingSpaces)
        guard characters.count == 18 || characters.count == 15 else {
            return String(repeating: mark, count: characters.count)
        }
        return String(characters.prefix(6)) + String(repeating: mark, count: characters.count - 10)
            + String(characters.suffix(4))
    }
}

extension Unicode.Scalar {
    /// A CJK unified ideograph (basic block, extensions A–F, compatibility ideographs).
    package var isHan: Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: true
        default: false
        }
    }
}

extension Character {
    /// A character holding a CJK unified ideograph.
    package var isHan: Bool { unicodeScalars.contains(where: \.isHan) }
}

extension String {
    /// The text without spaces, tabs, line ends or ideographic spaces at either end.
    package var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
