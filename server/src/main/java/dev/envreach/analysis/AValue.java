package dev.envreach.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An abstract string: known text interleaved with unknown pieces. Exact when every piece is known.
 * An unknown piece may be known to be non-empty ({@code $BASH_VERSION}); the shell flags {@code $-}
 * are a special piece that knows which letters are present or absent.
 */
public final class AValue {
    /** A piece of a value. */
    public sealed interface Seg permits Lit, Unk, Flags {}

    public record Lit(String text) implements Seg {}

    /**
     * An unknown piece; {@code label} is how people see it ({@code $(brew --prefix)}). {@code why}, when not
     * null, says in a few words what made a value unknown ("set by eval … at ~/.bashrc:3"): people then see
     * {@code ?} and the reason once. {@code tool} is set when the piece is the output of a known tool
     * ({@code $(pyenv init -)}), so that evaluating it has a known effect.
     */
    public record Unk(String label, boolean nonEmpty, String why, ToolKnowledge.Use tool) implements Seg {
        public Unk(String label, boolean nonEmpty) {
            this(label, nonEmpty, null, null);
        }
    }

    /** {@code $-}: letters known present and known absent; others unknown. */
    public record Flags(Set<Character> present, Set<Character> absent) implements Seg {}

    public static final AValue EMPTY = new AValue(List.of());

    private final List<Seg> segs;

    private AValue(List<Seg> segs) {
        this.segs = segs;
    }

    public static AValue of(String text) {
        return text.isEmpty() ? EMPTY : new AValue(List.of(new Lit(text)));
    }

    public static AValue unknown(String label) {
        return new AValue(List.of(new Unk(label, false)));
    }

    public static AValue unknownNonEmpty(String label) {
        return new AValue(List.of(new Unk(label, true)));
    }

    /** Unknown because of {@code why} (a short phrase: "set by eval "$(pyenv init -)" at ~/.bashrc:3"). */
    public static AValue unknownBecause(String label, String why) {
        return new AValue(List.of(new Unk(label, false, why, null)));
    }

    /** The output of a known tool ({@code $(pyenv init -)}, {@code <(fzf --bash)}). */
    public static AValue toolOutput(String label, boolean nonEmpty, ToolKnowledge.Use tool) {
        return new AValue(List.of(new Unk(label, nonEmpty, null, tool)));
    }

    public static AValue flags(Set<Character> present, Set<Character> absent) {
        return new AValue(List.of(new Flags(Set.copyOf(present), Set.copyOf(absent))));
    }

    public List<Seg> segs() {
        return segs;
    }

    public AValue concat(AValue o) {
        if (o.segs.isEmpty()) return this;
        if (segs.isEmpty()) return o;
        List<Seg> out = new ArrayList<>(segs);
        for (Seg s : o.segs) add(out, s);
        return new AValue(List.copyOf(out));
    }

    public AValue concat(String s) {
        return concat(of(s));
    }

    private static void add(List<Seg> out, Seg s) {
        if (s instanceof Lit l && l.text().isEmpty()) return;
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Lit a && s instanceof Lit b) {
            out.set(out.size() - 1, new Lit(a.text() + b.text()));
        } else {
            out.add(s);
        }
    }

    public static AValue join(List<AValue> parts, String sep) {
        AValue r = EMPTY;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) r = r.concat(sep);
            r = r.concat(parts.get(i));
        }
        return r;
    }

    /** The exact text, or null when a piece is unknown. */
    public String exact() {
        StringBuilder sb = new StringBuilder();
        for (Seg s : segs) {
            if (s instanceof Lit l) sb.append(l.text());
            else return null;
        }
        return sb.toString();
    }

    public boolean isExact() {
        return exact() != null;
    }

    /** TRUE when surely empty, FALSE when surely non-empty, UNKNOWN otherwise. */
    public dev.envreach.model.Tri isEmpty() {
        boolean allKnownEmpty = true;
        for (Seg s : segs) {
            if (s instanceof Lit l && !l.text().isEmpty()) return dev.envreach.model.Tri.FALSE;
            if (s instanceof Unk u && u.nonEmpty()) return dev.envreach.model.Tri.FALSE;
            if (s instanceof Flags) return dev.envreach.model.Tri.FALSE; // $- always has some letter in these shells
            if (!(s instanceof Lit)) allKnownEmpty = false;
        }
        return allKnownEmpty ? dev.envreach.model.Tri.TRUE : dev.envreach.model.Tri.UNKNOWN;
    }

    /** The known text before the first unknown piece. */
    public String knownPrefix() {
        StringBuilder sb = new StringBuilder();
        for (Seg s : segs) {
            if (s instanceof Lit l) sb.append(l.text());
            else break;
        }
        return sb.toString();
    }

    /** The known text after the last unknown piece. */
    public String knownSuffix() {
        StringBuilder sb = new StringBuilder();
        for (int i = segs.size() - 1; i >= 0; i--) {
            if (segs.get(i) instanceof Lit l) sb.insert(0, l.text());
            else break;
        }
        return sb.toString();
    }

    /**
     * For people: known text as is, an unknown piece by its label ({@code $(brew --prefix)}), or as {@code ?}
     * when it carries a reason; the distinct reasons follow once, in parentheses:
     * {@code /home/u/.cargo/bin:? (set by eval "$(pyenv init -)" at ~/.bashrc:3)}.
     */
    public String display() {
        List<String> whys = reasons();
        String shape = shape();
        if (whys.isEmpty()) return shape;
        return shape + " (" + String.join("; ", whys.size() > 2 ? whys.subList(0, 2) : whys) + (whys.size() > 2 ? "; …)" : ")");
    }

    /** {@link #display()} without the reasons: {@code /home/u/.cargo/bin:?}. */
    public String shape() {
        StringBuilder sb = new StringBuilder();
        List<String> whys = new ArrayList<>();
        for (Seg s : segs) {
            if (s instanceof Lit l) sb.append(l.text());
            else if (s instanceof Unk u) {
                if (u.why() != null) {
                    sb.append('?');
                    if (!whys.contains(u.why())) whys.add(u.why());
                } else {
                    sb.append(u.label());
                }
            } else sb.append("$-");
        }
        return sb.toString();
    }

    /** Every unknown piece by its label ({@code $HOME/.cargo/env}): for paths, where names say more than {@code ?}. */
    public String labels() {
        StringBuilder sb = new StringBuilder();
        for (Seg s : segs) {
            if (s instanceof Lit l) sb.append(l.text());
            else if (s instanceof Unk u) sb.append(u.label());
            else sb.append("$-");
        }
        return sb.toString();
    }

    /** The reasons unknown pieces carry, in order, without repeats. */
    public List<String> reasons() {
        List<String> whys = new ArrayList<>();
        for (Seg s : segs) if (s instanceof Unk u && u.why() != null && !whys.contains(u.why())) whys.add(u.why());
        return whys;
    }

    /**
     * Splits on a one-character separator where the separator is in known text. Unknown pieces stay
     * inside their element (an unknown piece might itself contain separators: then {@code exactSplit}
     * is false for that element).
     */
    public List<AValue> split(char sep) {
        List<AValue> out = new ArrayList<>();
        List<Seg> cur = new ArrayList<>();
        for (Seg s : segs) {
            if (s instanceof Lit l) {
                String t = l.text();
                int start = 0;
                for (int i = 0; i < t.length(); i++) {
                    if (t.charAt(i) == sep) {
                        add(cur, new Lit(t.substring(start, i)));
                        out.add(new AValue(List.copyOf(cur)));
                        cur = new ArrayList<>();
                        start = i + 1;
                    }
                }
                add(cur, new Lit(t.substring(start)));
            } else {
                cur.add(s);
            }
        }
        out.add(new AValue(List.copyOf(cur)));
        return out;
    }

    public boolean hasUnknown() {
        return !isExact();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AValue a && a.segs.equals(segs);
    }

    @Override
    public int hashCode() {
        return segs.hashCode();
    }

    @Override
    public String toString() {
        return display();
    }
}
