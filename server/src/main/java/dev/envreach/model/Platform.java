package dev.envreach.model;

import java.util.List;
import java.util.Map;

/**
 * A platform profile (JSON resource {@code envreach/platforms/ID.json}): how bash and zsh were built,
 * where the system startup files are, what {@code /bin/sh} is and the environment a login starts with.
 *
 * @param ostype             the value bash and zsh give {@code $OSTYPE}; a trailing {@code *} marks an
 *                           unknown suffix (macOS: {@code darwin*}, the version follows)
 * @param bash               the bash build switches
 * @param zshEtcDir          where zsh reads its global files ({@code /etc/zsh} or {@code /etc})
 * @param binSh              {@code dash} or {@code bash}: what {@code /bin/sh} runs
 * @param defaultShell       the login shell of a new user ({@code bash}, {@code zsh})
 * @param loginEnvironment   variables of a fresh login before any startup file; {@code ${HOME}},
 *                           {@code ${USER}} and {@code ${SHELL}} are replaced
 * @param sources            where the facts of this profile come from
 */
public record Platform(String id, String name, String os, String ostype, BashBuild bash, String zshEtcDir,
                       String binSh, String defaultShell, Map<String, String> loginEnvironment,
                       List<String> sources) {

    /** bash compile-time switches (CONTEXTS.md table 1b). {@code sysBashrc} null when not built in. */
    public record BashBuild(String sysBashrc, String sysBashLogout, boolean nonInteractiveLoginShells,
                            boolean sshSourceBashrc) {}

    public boolean binShIsBash() {
        return "bash".equals(binSh);
    }

    public boolean isMac() {
        return "macos".equals(os);
    }

    public String zshFile(String name) {
        return (zshEtcDir.endsWith("/") ? zshEtcDir : zshEtcDir + "/") + name;
    }
}
