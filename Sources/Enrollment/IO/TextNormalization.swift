/// Text folding applied before values are interpreted.
public enum TextNormalization {
    /// Full-width ASCII forms (U+FF01…U+FF5E) to ASCII and the ideographic space to a space.
    public static func foldWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value) {
                scalars.append(Unicode.Scalar(s.value - 0xFEE0)!)
            } else if s.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(s)
            }
        }
        return String(scalars)
    }
}
