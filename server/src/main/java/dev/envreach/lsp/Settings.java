package dev.envreach.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's settings, from {@code initializationOptions} and the {@code envreach} section of
 * {@code workspace/configuration}. Unknown keys are ignored; missing keys keep their defaults.
 */
public final class Settings {
    /** {@code auto} detects the platform of this machine. */
    public String platform = "auto";
    /** The user's login shell (bash, zsh, sh); defaults to the basename of {@code $SHELL}. */
    public String loginShell = defaultShell();
    /** Contexts to check; empty = the platform's named contexts. */
    public List<String> contexts = new ArrayList<>();
    /** Root under which {@code /etc} files are read; empty = the real root. */
    public String sysroot = "";
    /** The home directory the startup files live in; empty = the user's home (or the workspace mapping). */
    public String home = "";
    /** Dotfiles repository mapping: layout and explicit file-to-target overrides. */
    public Dotfiles dotfiles = new Dotfiles();
    /** Rule IDs that are never reported. */
    public List<String> disabledRules = new ArrayList<>();
    /** Show inlay hints with the value of PATH (see {@link #inlayHintVariables}) after lines that change it; off by default. */
    public boolean inlayHints = false;
    /** The variables whose value inlay hints show. */
    public List<String> inlayHintVariables = new ArrayList<>(List.of("PATH"));
    /** Debounce before re-analysing after an edit, in milliseconds (0..50 in normal use). */
    public int debounceMs = 40;
    /** {@code auto} (pull when the client supports it, else push), {@code push}, {@code pull}, {@code both}. */
    public String diagnosticMode = "auto";

    /** A dotfiles repository opened as the workspace. */
    public static final class Dotfiles {
        /** {@code auto}, {@code plain}, {@code stow}, {@code chezmoi} or {@code none}. */
        public String layout = "auto";
        /** Repository-relative file → home target ({@code ~/.bashrc}); overrides the layout. */
        public Map<String, String> map = new LinkedHashMap<>();
    }

    private static final Gson GSON = new Gson();

    static String defaultShell() {
        String shell = System.getenv("SHELL");
        if (shell == null || shell.isBlank()) return "bash";
        String base = Path.of(shell).getFileName().toString();
        return switch (base) {
            case "zsh", "bash" -> base;
            case "sh", "dash", "ksh", "mksh", "ash" -> "sh";
            default -> "bash";
        };
    }

    /** Settings with the keys of {@code json} (an object, possibly wrapped in {@code {"envreach": ...}}) applied over this one. */
    public Settings merge(Object json) {
        JsonElement el = json instanceof JsonElement e ? e : GSON.toJsonTree(json);
        if (el == null || !el.isJsonObject()) return this;
        JsonObject obj = el.getAsJsonObject();
        if (obj.has("envreach") && obj.get("envreach").isJsonObject()) obj = obj.getAsJsonObject("envreach");
        JsonObject base = GSON.toJsonTree(this).getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : obj.entrySet()) {
            if (e.getValue() != null && !e.getValue().isJsonNull()) base.add(e.getKey(), e.getValue());
        }
        try {
            Settings s = GSON.fromJson(base, Settings.class);
            if (s.dotfiles == null) s.dotfiles = new Dotfiles();
            if (s.dotfiles.map == null) s.dotfiles.map = new LinkedHashMap<>();
            if (s.contexts == null) s.contexts = new ArrayList<>();
            if (s.disabledRules == null) s.disabledRules = new ArrayList<>();
            if (s.inlayHintVariables == null) s.inlayHintVariables = new ArrayList<>(List.of("PATH"));
            if (s.loginShell == null || s.loginShell.isBlank()) s.loginShell = defaultShell();
            s.debounceMs = Math.max(0, Math.min(s.debounceMs, 60_000));
            return s;
        } catch (RuntimeException e) {
            ServerLog.warn("ignoring malformed envreach settings: " + e.getMessage());
            return this;
        }
    }

    public Settings copy() {
        return GSON.fromJson(GSON.toJsonTree(this), Settings.class);
    }

    @Override
    public String toString() {
        return GSON.toJson(this);
    }
}
