package dev.envreach.analysis;

import dev.envreach.facts.Facts;
import dev.envreach.model.Mode;
import dev.envreach.model.Platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to analyse.
 *
 * @param facts              the machine (real or pure); its {@code home()} is the home analysed
 * @param platform           the platform profile
 * @param openDocuments      editor buffers by absolute path; they replace the file on disk
 * @param contexts           context names: a named context ({@code ssh-command}), a mode
 *                           ({@code bash-login}) or a chain ({@code bash-login+bash-interactive});
 *                           empty means every named context of the platform
 * @param initialEnvironment the exact environment of the first process of every context, or null
 *                           for the platform's (and the named context's) default
 * @param loginShell         the user's login shell, or null: from {@code SHELL} in the initial
 *                           environment, else the platform's default shell
 */
public record AnalysisInput(Facts facts, Platform platform, Map<Path, String> openDocuments,
                            List<String> contexts, Map<String, String> initialEnvironment,
                            Mode.ShellKind loginShell) {

    public AnalysisInput {
        openDocuments = openDocuments == null ? Map.of() : Map.copyOf(openDocuments);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
    }

    public static AnalysisInput of(Facts facts, Platform platform, List<String> contexts) {
        return new AnalysisInput(facts, platform, Map.of(), contexts, null, null);
    }

    public AnalysisInput withOpenDocuments(Map<Path, String> docs) {
        return new AnalysisInput(facts, platform, docs, contexts, initialEnvironment, loginShell);
    }

    public AnalysisInput withInitialEnvironment(Map<String, String> env) {
        return new AnalysisInput(facts, platform, openDocuments, contexts, env, loginShell);
    }

    public AnalysisInput withLoginShell(Mode.ShellKind shell) {
        return new AnalysisInput(facts, platform, openDocuments, contexts, initialEnvironment, shell);
    }
}
