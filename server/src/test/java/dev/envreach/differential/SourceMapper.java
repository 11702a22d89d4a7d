package dev.envreach.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a repository's {@code sourced} files where its startup files look for them, the obvious
 * cases only: every path written as {@code ~/…}, {@code $HOME/…}, {@code ${ZDOTDIR:-$HOME}/…} or
 * {@code $VAR/…} (VAR assigned a home path in one of the placed files, e.g. {@code ZSH=$HOME/.oh-my-zsh})
 * in a placed file is a reference; {@code {a,b}} is expanded, other {@code $x} inside the path and
 * globs match any name. A reference is matched against the end of each sourced file's repository
 * path, component by component, ignoring the {@code .}, {@code dot_} prefixes and {@code .symlink},
 * {@code .tmpl} suffixes dotfile managers add ({@code ~/.aliases} ↔ {@code shell/aliases}); the longest
 * match wins. A reference below a {@code $VAR} directory also matches the repository's own layout from
 * its root ({@code $ZSH/lib/*.zsh} ↔ {@code lib/git.zsh} when ZSH is the repository cloned into the
 * home). Newly placed files are scanned in turn. What cannot be matched stays missing.
 *
 * <p>This only builds test homes; it reads text with regular expressions and never decides what a
 * shell would do.
 */
final class SourceMapper {
    private static final int ROUNDS = 6;
    private static final Pattern PREFIX = Pattern.compile(
            "(~|\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:[:]?[-?=+][^}]*)?\\}|\\$[A-Za-z_][A-Za-z0-9_]*)\"?(/[A-Za-z0-9._/{},*?@%+\\-\"'$\\[\\]]*)");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?:^|[\\s;({])(?:export\\s+|local\\s+|typeset\\s+(?:-\\w+\\s+)*|declare\\s+(?:-\\w+\\s+)*)?"
                    + "([A-Za-z_][A-Za-z0-9_]*)=([^\\s;&|)]+)");
    private static final Pattern VAR_IN_PATH = Pattern.compile("\\$\\{[^}]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*|\\$[0-9@*#?]");

    /** One placed sourced file: its home-relative target and where the reference came from. */
    record Placement(String target, CorpusManifest.Row row, String reference, String from) {}

    private final List<CorpusManifest.Row> candidates;
    private final Map<String, String> dirs = new HashMap<>(); // VAR -> home-relative directory ("" = home)
    private final Map<String, CorpusManifest.Row> placed = new TreeMap<>();
    private final List<Placement> placements = new ArrayList<>();
    private final Set<String> reserved;

    private SourceMapper(List<CorpusManifest.Row> candidates, Set<String> reserved) {
        this.candidates = candidates;
        this.reserved = reserved;
    }

    /**
     * The sourced files of {@code repoRows} to add to a home holding {@code startup} (home-relative
     * name → row). Targets in {@code reserved} (the startup-file names) are never used.
     */
    static List<Placement> map(Map<String, CorpusManifest.Row> startup, List<CorpusManifest.Row> repoRows,
                               Set<String> reserved) throws IOException {
        List<CorpusManifest.Row> cands = repoRows.stream().filter(r -> r.role().equals("sourced"))
                .sorted(Comparator.comparing(CorpusManifest.Row::path)).toList();
        SourceMapper m = new SourceMapper(cands, reserved);
        m.placed.putAll(startup);
        Set<String> scanned = new LinkedHashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> fresh = m.placed.keySet().stream().filter(t -> !scanned.contains(t)).toList();
            if (fresh.isEmpty()) {
                break;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            for (String t : fresh) {
                scanned.add(t);
                texts.put(t, Files.readString(m.placed.get(t).file(), StandardCharsets.ISO_8859_1));
            }
            texts.values().forEach(m::collectAssignments);
            texts.forEach(m::collectReferences);
        }
        return m.placements;
    }

    private void collectAssignments(String text) {
        Matcher a = ASSIGNMENT.matcher(text);
        while (a.find()) {
            String name = a.group(1);
            if (name.equals("HOME") || dirs.containsKey(name)) {
                continue;
            }
            String value = a.group(2).replace("\"", "").replace("'", "");
            String dir = homeDirectory(value);
            if (dir != null && !dir.contains("$") && !dir.contains("*") && !dir.contains("(")) {
                dirs.put(name, dir);
            }
        }
    }

    /** A value such as {@code $HOME/.oh-my-zsh}, {@code ~/x}, {@code ${VAR:-$HOME/.x}} as a home-relative directory. */
    private String homeDirectory(String value) {
        if (value.equals("~") || value.equals("$HOME") || value.equals("${HOME}")) {
            return "";
        }
        Matcher m = PREFIX.matcher(value);
        if (!m.lookingAt() || m.end() != value.length()) {
            return null;
        }
        String base = resolvePrefix(m.group(1));
        if (base == null) {
            return null;
        }
        String rest = m.group(2).replaceAll("/+$", "");
        return join(base, rest.startsWith("/") ? rest.substring(1) : rest);
    }

    private String resolvePrefix(String prefix) {
        if (prefix.equals("~")) {
            return "";
        }
        String name;
        String dflt = null;
        if (prefix.startsWith("${")) {
            String inner = prefix.substring(2, prefix.length() - 1);
            Matcher n = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*))?.*").matcher(inner);
            if (!n.matches()) {
                return null;
            }
            name = n.group(1);
            dflt = n.group(2);
        } else {
            name = prefix.substring(1);
        }
        if (name.equals("HOME")) {
            return "";
        }
        if (dirs.containsKey(name)) {
            return dirs.get(name);
        }
        if (dflt != null) {
            return homeDirectory(dflt);
        }
        return null; // unset here: $ZDOTDIR/x without a default is /x, not in the home
    }

    private void collectReferences(String from, String text) {
        Matcher m = PREFIX.matcher(text);
        while (m.find()) {
            if (m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1)) && m.group(1).equals("~")) {
                continue;
            }
            String base = resolvePrefix(m.group(1));
            if (base == null) {
                continue;
            }
            String rest = m.group(2).replace("\"", "").replace("'", "");
            rest = VAR_IN_PATH.matcher(rest).replaceAll("*");
            for (String expanded : braces(rest)) {
                String rel = normalise(join(base, expanded.substring(1)));
                if (rel == null || rel.isEmpty()) {
                    continue;
                }
                int prefixLen = base.isEmpty() ? -1 : base.split("/").length;
                place(rel, prefixLen, m.group(), from);
            }
        }
    }

    private void place(String ref, int prefixLen, String reference, String from) {
        String[] p = ref.split("/");
        boolean glob = ref.contains("*") || ref.contains("?") || ref.contains("[");
        List<Match> found = new ArrayList<>();
        for (CorpusManifest.Row r : candidates) {
            Match best = match(p, r.path().split("/"), prefixLen, r);
            if (best != null) {
                found.add(best);
            }
        }
        if (found.isEmpty()) {
            return;
        }
        if (!glob) {
            found.sort(Comparator.comparingInt((Match x) -> -x.matched).thenComparingInt(x -> x.row.path().length())
                    .thenComparing(x -> x.row.path()));
            found = List.of(found.get(0));
        }
        for (Match x : found) {
            if (reserved.contains(x.target) || placed.containsKey(x.target) || placed.containsValue(x.row)) {
                continue;
            }
            placed.put(x.target, x.row);
            placements.add(new Placement(x.target, x.row, reference, from));
        }
    }

    private record Match(CorpusManifest.Row row, String target, int matched) {}

    /** The longest suffix of the reference that matches the end of the file's path (see the class comment). */
    private static Match match(String[] p, String[] f, int prefixLen, CorpusManifest.Row row) {
        for (int s = 0; s < p.length; s++) {
            for (int j = 0; j < f.length; j++) {
                List<String> out = new ArrayList<>();
                int[] literals = {0};
                if (matchFrom(p, s, f, j, out, literals)) {
                    boolean fromRoot = j == 0 && s == prefixLen;
                    if (literals[0] == 0 && !fromRoot) {
                        continue;
                    }
                    List<String> target = new ArrayList<>(List.of(p).subList(0, s));
                    target.addAll(out);
                    return new Match(row, String.join("/", target), p.length - s);
                }
            }
        }
        return null;
    }

    private static boolean matchFrom(String[] p, int pi, String[] f, int fi, List<String> out, int[] literals) {
        if (pi == p.length) {
            return fi == f.length;
        }
        if (p[pi].equals("**")) {
            for (int k = fi; k <= f.length - 1; k++) {
                List<String> o = new ArrayList<>(out);
                o.addAll(List.of(f).subList(fi, k));
                int[] l = {literals[0]};
                if (matchFrom(p, pi + 1, f, k, o, l)) {
                    out.clear();
                    out.addAll(o);
                    literals[0] = l[0];
                    return true;
                }
            }
            return false;
        }
        if (fi == f.length) {
            return false;
        }
        boolean isGlob = p[pi].contains("*") || p[pi].contains("?") || p[pi].contains("[");
        if (!globMatches(bare(p[pi]), bare(f[fi]))) {
            return false;
        }
        out.add(isGlob ? f[fi] : p[pi]);
        if (!isGlob) {
            literals[0]++;
        }
        return matchFrom(p, pi + 1, f, fi + 1, out, literals);
    }

    /** A component without the decorations dotfile managers add to the installed name. */
    static String bare(String c) {
        String s = c;
        for (String pre : List.of("dot_", "dot-", "dot.", "private_", "executable_")) {
            if (s.startsWith(pre)) {
                s = s.substring(pre.length());
            }
        }
        if (s.startsWith(".")) {
            s = s.substring(1);
        }
        for (String suf : List.of(".symlink", ".tmpl")) {
            if (s.endsWith(suf)) {
                s = s.substring(0, s.length() - suf.length());
            }
        }
        return s;
    }

    private static boolean globMatches(String glob, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> re.append('[');
                case ']' -> re.append(']');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.matches(re.toString(), name);
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    /** Brace expansion of {@code {a,b}} lists (nested lists expand from the left). */
    static List<String> braces(String s) {
        int open = -1;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == '}' && depth > 0 && --depth == 0) {
                String inner = s.substring(open + 1, i);
                List<String> alts = splitTop(inner);
                if (alts.size() < 2) {
                    continue;
                }
                List<String> out = new ArrayList<>();
                for (String alt : alts) {
                    out.addAll(braces(s.substring(0, open) + alt + s.substring(i + 1)));
                }
                return out;
            }
        }
        return List.of(s.replace("{", "").replace("}", ""));
    }

    private static List<String> splitTop(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }

    private static String join(String base, String rest) {
        if (base.isEmpty()) {
            return rest;
        }
        return rest.isEmpty() ? base : base + "/" + rest;
    }

    /** Removes {@code .} and empty components; null when {@code ..} would leave the home. */
    private static String normalise(String rel) {
        List<String> out = new ArrayList<>();
        for (String c : rel.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(c);
            }
        }
        return String.join("/", out);
    }
}
