package dev.envreach.lsp;

import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RelativePattern;
import org.eclipse.lsp4j.Unregistration;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Asks the client to watch the startup files and every file they read (by exact name, never a
 * whole folder), re-registering when that set changes.
 */
final class FileWatchers {
    static final String METHOD = "workspace/didChangeWatchedFiles";

    private final EnvreachServer server;
    private Set<Path> watched = Set.of();
    private int counter;
    private String registrationId;

    FileWatchers(EnvreachServer server) {
        this.server = server;
    }

    /** The real files to watch for a snapshot: the startup files (existing or not) and every analysed file. */
    static Set<Path> wanted(Snapshot snap) {
        Set<Path> out = new TreeSet<>();
        for (String name : HomeView.STARTUP_FILES) out.add(snap.view().toReal(snap.view().home().resolve(name)));
        for (AnalyzedFile f : snap.files()) out.add(f.realPath());
        return out;
    }

    synchronized void update(Snapshot snap) {
        LanguageClient c = server.client;
        if (c == null || !server.support.watchedFilesRegistration()) return;
        Set<Path> want = wanted(snap);
        if (want.equals(watched)) return;
        if (registrationId != null) {
            c.unregisterCapability(new UnregistrationParams(List.of(new Unregistration(registrationId, METHOD))));
        }
        registrationId = "envreach-watch-" + (++counter);
        watched = want;
        c.registerCapability(new RegistrationParams(List.of(new Registration(registrationId, METHOD,
                new DidChangeWatchedFilesRegistrationOptions(watchers(want, server.support.relativePatterns())))))).exceptionally(err -> {
            ServerLog.warn("client refused file watchers: " + err.getMessage());
            return null;
        });
    }

    /**
     * One watcher per folder, with a brace pattern of the exact file names in it: a {@code RelativePattern}
     * (folder URI + names) when the client supports those, else a plain glob string of the absolute path.
     */
    static List<FileSystemWatcher> watchers(Set<Path> files, boolean relativePatterns) {
        Map<Path, Set<String>> byDir = new TreeMap<>();
        for (Path f : files) {
            if (f.getParent() == null || f.getFileName() == null) continue;
            byDir.computeIfAbsent(f.getParent(), k -> new TreeSet<>()).add(f.getFileName().toString());
        }
        List<FileSystemWatcher> out = new ArrayList<>();
        for (Map.Entry<Path, Set<String>> e : byDir.entrySet()) {
            String names = e.getValue().size() == 1 ? escape(e.getValue().iterator().next())
                    : "{" + String.join(",", e.getValue().stream().map(FileWatchers::escape).toList()) + "}";
            if (relativePatterns) {
                RelativePattern p = new RelativePattern(Either.forRight(e.getKey().toUri().toString()), names);
                out.add(new FileSystemWatcher(Either.forRight(p)));
            } else {
                out.add(new FileSystemWatcher(Either.forLeft(globDir(e.getKey()) + "/" + names)));
            }
        }
        return out;
    }

    /** A folder as the start of a glob: forward slashes, glob characters escaped, no trailing slash. */
    static String globDir(Path dir) {
        String g = escape(dir.toAbsolutePath().normalize().toString().replace('\\', '/'));
        return g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
    }

    private static String escape(String name) {
        return name.replaceAll("([\\[\\]{}*?,])", "[$1]");
    }
}
