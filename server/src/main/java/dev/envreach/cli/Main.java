package dev.envreach.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code envreach} with no arguments serves LSP on stdio; subcommands are for people and scripts. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            dev.envreach.lsp.ServerLauncher.serveStdio();
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand and returns the exit code (0 ok, 2 usage or unreadable input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "parse" -> ParseCommand.run(rest, out, err);
                case "env" -> EnvCommand.run(rest, out, err);
                case "matrix" -> MatrixCommand.run(rest, out, err);
                case "explain" -> ExplainCommand.run(rest, out, err);
                case "--help", "-h", "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                case "--version" -> {
                    out.println("envreach 0.1.0");
                    yield 0;
                }
                default -> {
                    err.println("envreach: unknown command '" + args[0] + "' (try 'envreach --help')");
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("envreach " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    static final String USAGE = """
            usage: envreach                      serve the Language Server Protocol on stdio
                   envreach parse [--dialect bash|zsh|sh] [--json] FILE...
                   envreach env --home DIR --context CTX [--platform P] [--sysroot DIR]
                                [--set NAME=VALUE]... [--pure] [--json]
                   envreach matrix --home DIR [--contexts a,b,...] [--json]
                   envreach explain --home DIR NAME
            """;
}
