package dev.envreach.model;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The named contexts shipped as JSON. */
public final class Contexts {
    private static final String RESOURCE = "/envreach/contexts/contexts.json";
    private static volatile List<NamedContext> all;

    private Contexts() {}

    public static List<NamedContext> all() {
        List<NamedContext> a = all;
        if (a == null) {
            try (InputStream in = Contexts.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                List<NamedContext> list = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8),
                        new TypeToken<List<NamedContext>>() {}.getType());
                all = a = List.copyOf(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return a;
    }

    /** The contexts that exist on a platform, in catalogue order. */
    public static List<NamedContext> forPlatform(String platformId) {
        return all().stream().filter(c -> c.appliesTo(platformId)).toList();
    }

    public static Optional<NamedContext> find(String id, String platformId) {
        return forPlatform(platformId).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether the id names a context on some platform (for error messages). */
    public static List<String> platformsOf(String id) {
        return all().stream().filter(c -> c.id().equals(id)).flatMap(c -> c.platforms().stream()).distinct().toList();
    }
}
