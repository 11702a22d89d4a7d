package dev.envreach.analysis;

import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.ParseResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A sourced file or a function call being interpreted: where {@code return} goes. */
final class Frame {
    /** A file the shell reads (or the text of an {@code eval}). */
    record FileCtx(String shellPath, Path path, ParseResult parse, Dialect dialect, boolean record) {
        int line(int offset) {
            return parse.lines().line(offset) + 1;
        }

        String text(int start, int end) {
            String t = parse.text();
            int s = Math.max(0, Math.min(start, t.length()));
            int e = Math.max(s, Math.min(end, t.length()));
            return t.substring(s, e);
        }
    }

    enum Kind { FILE, FUNCTION }

    final Kind kind;
    final FileCtx file;
    final List<State> returns = new ArrayList<>();
    /** Function frames: the variables made local, with what they hid (null: did not exist). */
    final Map<String, Var> savedLocals = new HashMap<>();
    /** Positional parameters, null when not known. */
    final List<AValue> positional;
    int exitsAtStart;
    dev.envreach.model.Reach aliveAtStart = dev.envreach.model.Reach.YES;
    String reasonAtStart;

    Frame(Kind kind, FileCtx file, List<AValue> positional) {
        this.kind = kind;
        this.file = file;
        this.positional = positional == null ? null : new ArrayList<>(positional);
    }
}
