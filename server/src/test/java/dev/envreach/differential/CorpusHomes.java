package dev.envreach.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Throwaway fixture homes built at test time from the dotfiles corpus (never copied into the
 * repository). Per repository: one "full" home with one file of each startup role at its home name
 * (the largest file when the repository has several of a role, ties by path) plus the sourced files
 * {@link SourceMapper} can place; and one home per startup file holding only that file.
 */
final class CorpusHomes {
    static final List<String> BASH_MODES = List.of("bash-login", "bash-interactive", "bash-noninteractive",
            "bash-ssh-command", "bash-login-interactive");
    static final List<String> ZSH_MODES = List.of("zsh-login-interactive", "zsh-login", "zsh-interactive",
            "zsh-noninteractive");
    private static final Set<String> BASH_ROLES = Set.of("profile", "bash_profile", "bashrc");

    private CorpusHomes() {}

    /** One home: home-relative name → corpus file, the contexts to run, and the sources placed. */
    record Home(String name, String repo, Map<String, CorpusManifest.Row> files, List<String> contexts,
                List<SourceMapper.Placement> placements) {
        void writeTo(Path home) throws IOException {
            Files.createDirectories(home);
            for (var e : files.entrySet()) {
                Path target = home.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.copy(e.getValue().file(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        String describe() {
            StringBuilder b = new StringBuilder(name).append(": ");
            List<String> parts = new ArrayList<>();
            files.forEach((t, r) -> {
                if (r.isStartupFile()) {
                    parts.add("~/" + t + " <- " + r.path());
                }
            });
            b.append(String.join(", ", parts));
            if (!placements.isEmpty()) {
                b.append("; ").append(placements.size()).append(" sourced file(s) placed");
            }
            return b.toString();
        }
    }

    static List<Home> build(CorpusManifest manifest) throws IOException {
        List<Home> homes = new ArrayList<>();
        Set<String> reserved = new LinkedHashSet<>();
        CorpusManifest.HOME_NAMES.values().forEach(n -> reserved.add(n));
        reserved.addAll(List.of(".bash_login", ".bash_logout", ".zlogout"));
        for (var e : manifest.byRepository().entrySet()) {
            List<CorpusManifest.Row> rows = e.getValue();
            List<CorpusManifest.Row> startup = rows.stream().filter(CorpusManifest.Row::isStartupFile).toList();
            if (startup.isEmpty()) {
                continue;
            }
            String repoDir = rows.get(0).repoDir();
            Map<String, CorpusManifest.Row> chosen = new LinkedHashMap<>();
            for (var role : CorpusManifest.HOME_NAMES.entrySet()) {
                startup.stream().filter(r -> r.role().equals(role.getKey()))
                        .max(Comparator.comparingLong(CorpusHomes::size).thenComparing(CorpusManifest.Row::path,
                                Comparator.reverseOrder()))
                        .ifPresent(r -> chosen.put(role.getValue(), r));
            }
            List<SourceMapper.Placement> placements = SourceMapper.map(chosen, rows, reserved);
            Map<String, CorpusManifest.Row> files = new LinkedHashMap<>(chosen);
            placements.forEach(p -> files.put(p.target(), p.row()));
            homes.add(new Home(repoDir + "/full", e.getKey(), files, contexts(chosen.values()), placements));
            if (startup.size() > 1 || !placements.isEmpty()) {
                for (CorpusManifest.Row r : startup) {
                    Map<String, CorpusManifest.Row> one = new LinkedHashMap<>();
                    one.put(CorpusManifest.HOME_NAMES.get(r.role()), r);
                    homes.add(new Home(repoDir + "/alone:" + r.path(), e.getKey(), one, contexts(List.of(r)),
                            List.of()));
                }
            }
        }
        return homes;
    }

    /** bash modes for bash files, zsh modes for zsh files, sh-login too for ~/.profile. */
    static List<String> contexts(java.util.Collection<CorpusManifest.Row> files) {
        List<String> ctx = new ArrayList<>();
        if (files.stream().anyMatch(r -> BASH_ROLES.contains(r.role()))) {
            ctx.addAll(BASH_MODES);
        }
        if (files.stream().anyMatch(r -> r.role().equals("profile"))) {
            ctx.add("sh-login");
        }
        if (files.stream().anyMatch(r -> !BASH_ROLES.contains(r.role()))) {
            ctx.addAll(ZSH_MODES);
        }
        return ctx;
    }

    private static long size(CorpusManifest.Row r) {
        try {
            return Files.size(r.file());
        } catch (IOException e) {
            return 0;
        }
    }
}
