package dev.envreach.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the dotfiles corpus's {@code MANIFEST.tsv}: one file of a public repository, with the
 * startup file it is ({@code role}). The corpus file itself is {@code <owner>__<name>/<path>}.
 */
record CorpusManifest(Path root, List<Row> rows) {
    static final String FILE = "MANIFEST.tsv";

    /** Startup-file roles and the home name each is installed as. */
    static final Map<String, String> HOME_NAMES = homeNames();

    record Row(String repo, String path, String role, String dialect, Path file) {
        /** Repository name usable in a file name: {@code owner__name}. */
        String repoDir() {
            return repo.replace("/", "__");
        }

        boolean isStartupFile() {
            return HOME_NAMES.containsKey(role);
        }
    }

    static CorpusManifest load(Path root) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve(FILE));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length < 5) {
                continue;
            }
            Path file = root.resolve(c[0].replace("/", "__")).resolve(c[2]);
            if (Files.isRegularFile(file)) {
                rows.add(new Row(c[0], c[2], c[3], c[4], file));
            }
        }
        return new CorpusManifest(root, rows);
    }

    /** The rows of one repository, in manifest order. */
    Map<String, List<Row>> byRepository() {
        Map<String, List<Row>> m = new LinkedHashMap<>();
        for (Row r : rows) {
            m.computeIfAbsent(r.repo(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static Map<String, String> homeNames() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("profile", ".profile");
        m.put("bash_profile", ".bash_profile");
        m.put("bashrc", ".bashrc");
        m.put("zshenv", ".zshenv");
        m.put("zprofile", ".zprofile");
        m.put("zshrc", ".zshrc");
        m.put("zlogin", ".zlogin");
        return m;
    }
}
