package dev.envreach.analysis;

import dev.envreach.model.Reach;

import java.nio.file.Path;

/**
 * One file a context reads (or would read).
 *
 * @param shellPath the path as the shell names it ({@code /etc/profile}, {@code /home/u/.bashrc})
 * @param path      where it was read on this machine (the sysroot applied), null when unknown
 * @param mode      the chain step (mode id) reading it
 * @param status    read, missing (not there: nothing happened) or skipped (not read, see reason)
 * @param reason    why, for missing and skipped; also how it was reached ("sourced from ~/.profile line 3")
 * @param reach     whether the read happens surely or only on some paths
 * @param shadowedBy for a startup file skipped because another one took its place (bash's first-found rule:
 *                  {@code ~/.bash_profile} exists so {@code ~/.profile} is not read; zsh reading
 *                  {@code $ZDOTDIR/.zshrc} instead of {@code ~/.zshrc}): the file read instead; null otherwise
 */
public record FileVisit(String shellPath, Path path, String mode, Status status, String reason, Reach reach,
                        Path shadowedBy) {

    public FileVisit(String shellPath, Path path, String mode, Status status, String reason, Reach reach) {
        this(shellPath, path, mode, status, reason, reach, null);
    }

    /** True for a startup file the shell did not read because another one took its place. */
    public boolean shadowed() {
        return status == Status.SKIPPED && shadowedBy != null;
    }

    public enum Status {
        READ, MISSING, SKIPPED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
