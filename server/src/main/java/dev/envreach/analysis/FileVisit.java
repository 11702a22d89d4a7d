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
 */
public record FileVisit(String shellPath, Path path, String mode, Status status, String reason, Reach reach) {
    public enum Status {
        READ, MISSING, SKIPPED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
