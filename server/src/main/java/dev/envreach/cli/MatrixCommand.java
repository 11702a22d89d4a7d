package dev.envreach.cli;

import java.io.PrintStream;

final class MatrixCommand {
    private MatrixCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("envreach: not implemented yet");
        return 2;
    }
}
