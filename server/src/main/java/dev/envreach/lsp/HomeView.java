package dev.envreach.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the startup files are. The analysis works on home paths ({@code ~/.bashrc}); when the
 * workspace is a dotfiles repository its files stand in for their home targets: plain
 * ({@code .bashrc} or {@code bashrc} at the top), GNU stow packages ({@code bash/.bashrc}) or a
 * chezmoi source dir ({@code dot_bashrc}). Explicit settings override the layout. Only the top
 * level (and stow package folders) are looked at: a workspace is never scanned recursively.
 */
public final class HomeView {
    /** The startup files envreach knows, relative to home. */
    public static final List<String> STARTUP_FILES = List.of(
            ".profile", ".bash_profile", ".bash_login", ".bashrc", ".bash_logout",
            ".zshenv", ".zprofile", ".zshrc", ".zlogin", ".zlogout");

    private final Path home;
    private final Map<Path, Path> realToHome = new HashMap<>();
    private final Map<Path, Path> homeToReal = new HashMap<>();
    private final String layout;

    private HomeView(Path home, String layout) {
        this.home = home.toAbsolutePath().normalize();
        this.layout = layout;
    }

    public Path home() {
        return home;
    }

    public String layout() {
        return layout;
    }

    /** A plain home directory: every path is itself. */
    public static HomeView plain(Path home) {
        return new HomeView(home, "home");
    }

    /**
     * The view for a workspace folder. When the folder is the home itself (or no folder is open)
     * there is no mapping; otherwise a repository layout is detected unless {@code settings} fix it.
     */
    public static HomeView of(Path home, Path workspace, Settings.Dotfiles dotfiles) {
        Path h = home.toAbsolutePath().normalize();
        if (workspace == null) return plain(h);
        Path ws = workspace.toAbsolutePath().normalize();
        String layout = dotfiles == null ? "auto" : dotfiles.layout.toLowerCase(Locale.ROOT);
        if (ws.equals(h) || "none".equals(layout)) return plain(h);
        HomeView v;
        if ("auto".equals(layout)) layout = detect(ws);
        v = new HomeView(h, layout);
        switch (layout) {
            case "plain" -> v.mapPlain(ws);
            case "stow" -> v.mapStow(ws);
            case "chezmoi" -> v.mapChezmoi(ws);
            default -> { }
        }
        if (dotfiles != null) {
            for (Map.Entry<String, String> e : dotfiles.map.entrySet()) {
                v.map(ws.resolve(e.getKey()), v.expandHome(e.getValue()));
            }
        }
        return v;
    }

    /** Which layout a folder looks like: chezmoi ({@code dot_*} files), stow (packages holding dotfiles), plain, or none. */
    static String detect(Path ws) {
        boolean chezmoi = false, plain = false, stow = false;
        for (Path child : list(ws)) {
            String n = child.getFileName().toString();
            if (n.startsWith("dot_") || n.equals(".chezmoiroot") || n.startsWith(".chezmoi")) chezmoi = true;
            if (Files.isRegularFile(child) && plainTarget(n) != null) plain = true;
            if (Files.isDirectory(child) && !n.startsWith(".")) {
                for (Path f : list(child)) {
                    if (STARTUP_FILES.contains(f.getFileName().toString())) stow = true;
                }
            }
        }
        if (chezmoi) return "chezmoi";
        if (plain) return "plain";
        if (stow) return "stow";
        return "none";
    }

    /** {@code .bashrc} or {@code bashrc} → {@code .bashrc}; null when the name is not a startup file. */
    static String plainTarget(String name) {
        if (STARTUP_FILES.contains(name)) return name;
        if (STARTUP_FILES.contains("." + name)) return "." + name;
        return null;
    }

    private void mapPlain(Path ws) {
        for (Path child : list(ws)) {
            String t = plainTarget(child.getFileName().toString());
            if (t != null && Files.isRegularFile(child)) map(child, home.resolve(t));
        }
    }

    private void mapStow(Path ws) {
        for (Path pkg : list(ws)) {
            if (!Files.isDirectory(pkg) || pkg.getFileName().toString().startsWith(".")) continue;
            for (Path f : list(pkg)) {
                String n = f.getFileName().toString();
                if (STARTUP_FILES.contains(n) && Files.isRegularFile(f)) map(f, home.resolve(n));
            }
        }
    }

    private void mapChezmoi(Path ws) {
        Path root = ws;
        Path rootFile = ws.resolve(".chezmoiroot");
        if (Files.isRegularFile(rootFile)) {
            try {
                root = ws.resolve(Files.readString(rootFile).trim());
            } catch (IOException e) {
                ServerLog.warn("cannot read " + rootFile + ": " + e.getMessage());
            }
        }
        for (Path f : list(root)) {
            if (!Files.isRegularFile(f)) continue;
            String target = chezmoiTarget(f.getFileName().toString());
            if (target != null && STARTUP_FILES.contains(target)) map(f, home.resolve(target));
        }
    }

    /** chezmoi source-state name → target name: strips attribute prefixes, {@code dot_} → {@code .}, drops {@code .tmpl}. */
    static String chezmoiTarget(String name) {
        String n = name;
        if (n.endsWith(".tmpl")) n = n.substring(0, n.length() - 5);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String prefix : List.of("private_", "readonly_", "executable_", "create_", "modify_", "encrypted_", "empty_", "symlink_")) {
                if (n.startsWith(prefix)) {
                    n = n.substring(prefix.length());
                    changed = true;
                }
            }
        }
        if (n.startsWith("dot_")) return "." + n.substring(4);
        return null;
    }

    private void map(Path real, Path target) {
        Path r = real.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        realToHome.put(r, t);
        homeToReal.put(t, r);
    }

    Path expandHome(String s) {
        if (s.equals("~")) return home;
        if (s.startsWith("~/")) return home.resolve(s.substring(2));
        Path p = Path.of(s);
        return p.isAbsolute() ? p : home.resolve(s);
    }

    /** The home path a real file stands for (itself when unmapped). */
    public Path toHome(Path real) {
        Path r = real.toAbsolutePath().normalize();
        return realToHome.getOrDefault(r, r);
    }

    /** The real file behind a home path (itself when unmapped). */
    public Path toReal(Path homePath) {
        Path h = homePath.toAbsolutePath().normalize();
        return homeToReal.getOrDefault(h, h);
    }

    /** True when the view maps repository files (a dotfiles repo is the workspace). */
    public boolean mapped() {
        return !realToHome.isEmpty();
    }

    public Map<Path, Path> mappings() {
        return Map.copyOf(realToHome);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.limit(500).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
