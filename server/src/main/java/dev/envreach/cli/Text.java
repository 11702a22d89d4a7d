package dev.envreach.cli;

/** Small text helpers for output read by people on an 80-column terminal. */
final class Text {
    private Text() {}

    static String clip(String s, int width) {
        if (s.length() <= width) return s;
        return s.substring(0, Math.max(0, width - 1)) + "…";
    }

    static String wrap(String s, int width, String indent) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : s.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                out.append('\n').append(indent);
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.toString();
    }
}
