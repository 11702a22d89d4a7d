package dev.envreach.model;

import java.util.List;
import java.util.Map;

/** Renders {@code docs/contexts.md} from the context and platform JSON (a test keeps the file in step). */
public final class ContextsDoc {
    private ContextsDoc() {}

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Contexts envreach knows\n\n");
        sb.append("Generated from `server/src/main/resources/envreach/contexts/contexts.json` and the platform profiles\n");
        sb.append("(`envreach/platforms/*.json`); `ContextsDocTest` fails when this file is out of date\n");
        sb.append("(regenerate with `mvn -o test -Dtest=ContextsDocTest -Denvreach.regenerate=true`).\n\n");
        sb.append("A context is a launch chain: the shells between the login and the program that needs the variable,\n");
        sb.append("written `a+b` (the environment exported by `a` flows into `b`). `bash-login:argv0` is a bash that is a\n");
        sb.append("login shell only because its argv[0] starts with `-` (`-bash -c`): it reads the login files only when\n");
        sb.append("bash was built with NON_INTERACTIVE_LOGIN_SHELLS. The user's login shell picks the chain.\n\n");
        sb.append("## Invocation modes\n\n| mode | what starts it |\n|---|---|\n");
        for (Mode m : Mode.values()) sb.append("| `").append(m.id()).append("` | ").append(m.description().replace("|", "\\|")).append(" |\n");
        sb.append("\n## Platforms\n\n| platform | SYS_BASHRC | NON_INTERACTIVE_LOGIN_SHELLS | SSH_SOURCE_BASHRC | zsh etc dir | /bin/sh | login shell | login PATH |\n|---|---|---|---|---|---|---|---|\n");
        for (Platform p : Platforms.all().values()) {
            sb.append("| ").append(p.id()).append(" | ").append(p.bash().sysBashrc() == null ? "—" : "`" + p.bash().sysBashrc() + "`")
                    .append(" | ").append(p.bash().nonInteractiveLoginShells() ? "yes" : "no")
                    .append(" | ").append(p.bash().sshSourceBashrc() ? "yes" : "no")
                    .append(" | `").append(p.zshEtcDir()).append("` | ").append(p.binSh())
                    .append(" | ").append(p.defaultShell())
                    .append(" | `").append(p.loginEnvironment().getOrDefault("PATH", "")).append("` |\n");
        }
        sb.append("\nSources:\n\n");
        for (Platform p : Platforms.all().values()) {
            for (String s : p.sources()) sb.append("- ").append(p.id()).append(": ").append(s).append('\n');
        }
        for (String pid : Platforms.IDS) {
            Platform p = Platforms.byId(pid).orElseThrow();
            sb.append("\n## ").append(p.name()).append(" (`").append(pid).append("`)\n");
            for (NamedContext c : Contexts.forPlatform(pid)) {
                sb.append("\n### `").append(c.id()).append("`\n\n").append(c.description()).append("\n\n");
                sb.append("| login shell | chain |\n|---|---|\n");
                for (Map.Entry<String, List<String>> e : c.chains().entrySet()) {
                    sb.append("| ").append(e.getKey()).append(" | ")
                            .append(e.getValue().isEmpty() ? "no shell: no startup file" : "`" + String.join("+", e.getValue()) + "`")
                            .append(" |\n");
                }
                NamedContext.Environment env = c.environment();
                sb.append("\nEnvironment of the first process: ")
                        .append("empty".equals(env.base()) ? "only what is listed" : "the platform's login environment");
                if (env.set() != null && !env.set().isEmpty()) {
                    sb.append(", with ");
                    sb.append(String.join(", ", env.set().entrySet().stream().map(x -> "`" + x.getKey() + "=" + x.getValue() + "`").toList()));
                }
                if (env.pamEnvironment()) sb.append("; `/etc/environment` as pam_env reads it");
                if (env.environmentD()) sb.append("; environment.d files as systemd's generator reads them");
                sb.append(".\n");
                if (c.envSources() != null && !c.envSources().isEmpty()) {
                    sb.append("\nOther sources of its environment:\n\n");
                    for (String s : c.envSources()) sb.append("- ").append(s).append('\n');
                }
                sb.append("\nSource: ").append(c.source()).append('\n');
            }
        }
        return sb.toString();
    }
}
