package dev.envreach.model;

import com.google.gson.Gson;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The platform profiles shipped as JSON resources. */
public final class Platforms {
    public static final List<String> IDS = List.of("debian", "fedora", "arch", "macos");
    public static final String DEFAULT_LINUX = "debian";

    private static volatile Map<String, Platform> all;

    private Platforms() {}

    public static Map<String, Platform> all() {
        Map<String, Platform> a = all;
        if (a == null) {
            Map<String, Platform> m = new LinkedHashMap<>();
            for (String id : IDS) m.put(id, load(id));
            all = a = m;
        }
        return a;
    }

    public static Optional<Platform> byId(String id) {
        if (id == null) return Optional.empty();
        String key = id.trim().toLowerCase(java.util.Locale.ROOT);
        if (key.equals("ubuntu")) key = "debian";
        if (key.equals("rhel") || key.equals("centos")) key = "fedora";
        if (key.equals("darwin") || key.equals("mac") || key.equals("osx")) key = "macos";
        return Optional.ofNullable(all().get(key));
    }

    /** The platform of the machine envreach runs on: macOS, else the Debian profile. */
    public static Platform host() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return all().get(os.contains("mac") ? "macos" : DEFAULT_LINUX);
    }

    private static Platform load(String id) {
        String res = "/envreach/platforms/" + id + ".json";
        try (InputStream in = Platforms.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("missing resource " + res);
            Platform p = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), Platform.class);
            if (p == null || !id.equals(p.id())) throw new IllegalStateException("bad platform resource " + res);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
