// A tiny scripted LSP client for envreach, with no dependencies: run it with
//
//   java docs/examples/EnvreachClient.java [--jar server/target/envreach.jar] [--home DIR]
//        [--hover LINE:COL] [--inlay] [FILE...]
//
// It starts the server the way an editor does (`java -jar envreach.jar`, no arguments), opens the
// files (default: ~/.bashrc and ~/.zshrc when they exist), prints every diagnostic the server
// publishes as `file:line:col: CODE message`, the hover at LINE:COL (1-based) of the first file,
// and the code actions offered for each diagnostic; with --inlay, the inlay hints (the value of PATH
// after each line that changes it) as `file:line: PATH=…`; then it shuts the server down.
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class EnvreachClient {
    private static OutputStream toServer;
    private static InputStream fromServer;
    private static int nextId = 1;
    private static final Map<String, Object> latestDiagnostics = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        String jar = "server/target/envreach.jar";
        String home = System.getProperty("user.home");
        String hover = null;
        boolean inlay = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = args[++i];
                case "--home" -> home = args[++i];
                case "--hover" -> hover = args[++i];
                case "--inlay" -> inlay = true;
                default -> files.add(Path.of(args[i]).toAbsolutePath());
            }
        }
        if (files.isEmpty()) {
            for (String n : List.of(".bashrc", ".zshrc")) {
                Path p = Path.of(home, n);
                if (Files.isRegularFile(p)) files.add(p);
            }
        }
        if (files.isEmpty()) {
            System.err.println("no file to open (give one, or have a ~/.bashrc or ~/.zshrc)");
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-jar", jar).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        toServer = server.getOutputStream();
        fromServer = new BufferedInputStream(server.getInputStream());

        String homeUri = Path.of(home).toUri().toString();
        request("initialize", "{\"processId\":" + ProcessHandle.current().pid()
                + ",\"rootUri\":" + str(homeUri)
                + ",\"workspaceFolders\":[{\"uri\":" + str(homeUri) + ",\"name\":\"home\"}]"
                + ",\"initializationOptions\":{\"home\":" + str(home) + (inlay ? ",\"inlayHints\":true" : "") + "}"
                + ",\"capabilities\":{\"textDocument\":{\"hover\":{\"contentFormat\":[\"plaintext\"]}}}}");
        notify("initialized", "{}");
        for (Path f : files) {
            String text = Files.readString(f);
            notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + str(f.toUri().toString())
                    + ",\"languageId\":\"shellscript\",\"version\":1,\"text\":" + str(text) + "}}");
        }
        // ask for something that needs the analysis: its answer comes after the diagnostics are out
        request("workspace/executeCommand", "{\"command\":\"envreach.showMatrix\",\"arguments\":[]}");
        readFor(300);
        for (Path f : files) {
            Object diags = latestDiagnostics.get(f.toUri().toString());
            List<?> list = diags instanceof List<?> l ? l : List.of();
            if (list.isEmpty()) System.out.println(f + ": no findings");
            for (Object o : list) {
                Map<?, ?> d = (Map<?, ?>) o;
                Map<?, ?> start = (Map<?, ?>) ((Map<?, ?>) d.get("range")).get("start");
                System.out.printf("%s:%d:%d: %s %s%n", f, num(start.get("line")) + 1, num(start.get("character")) + 1,
                        d.get("code"), d.get("message"));
                Object actions = request("textDocument/codeAction", "{\"textDocument\":{\"uri\":" + str(f.toUri().toString())
                        + "},\"range\":" + json(d.get("range")) + ",\"context\":{\"diagnostics\":[" + json(d) + "]}}");
                if (actions instanceof List<?> as) for (Object a : as) System.out.println("    fix: " + ((Map<?, ?>) a).get("title"));
            }
        }
        if (inlay) {
            for (Path f : files) {
                Object hints = request("textDocument/inlayHint", "{\"textDocument\":{\"uri\":" + str(f.toUri().toString())
                        + "},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":100000,\"character\":0}}}");
                if (hints instanceof List<?> hs) {
                    for (Object o : hs) {
                        Map<?, ?> h = (Map<?, ?>) o;
                        Map<?, ?> pos = (Map<?, ?>) h.get("position");
                        System.out.printf("%s:%d: %s%n", f, num(pos.get("line")) + 1, h.get("label"));
                    }
                }
            }
        }
        if (hover != null) {
            String[] lc = hover.split(":");
            Object h = request("textDocument/hover", "{\"textDocument\":{\"uri\":" + str(files.get(0).toUri().toString())
                    + "},\"position\":{\"line\":" + (Integer.parseInt(lc[0]) - 1) + ",\"character\":" + (Integer.parseInt(lc[1]) - 1) + "}}");
            if (h instanceof Map<?, ?> m && m.get("contents") instanceof Map<?, ?> c) System.out.println(c.get("value"));
            else System.out.println("(no hover there)");
        }
        request("shutdown", "null");
        notify("exit", "null");
        server.waitFor();
    }

    // ---- JSON-RPC over stdio -----------------------------------------------------------------

    private static Object request(String method, String params) throws IOException {
        int id = nextId++;
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + str(method) + ",\"params\":" + params + "}");
        while (true) {
            Map<?, ?> m = (Map<?, ?>) readMessage();
            if (m.get("id") != null && m.get("method") == null && num(m.get("id")) == id) {
                if (m.get("error") != null) throw new IOException(method + " failed: " + json(m.get("error")));
                return m.get("result");
            }
            handle(m);
        }
    }

    private static void notify(String method, String params) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"method\":" + str(method) + ",\"params\":" + params + "}");
    }

    /** Reads whatever arrives for a short while (late publishes). */
    private static void readFor(long millis) throws IOException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (fromServer.available() > 0) handle((Map<?, ?>) readMessage());
            else try { Thread.sleep(10); } catch (InterruptedException e) { return; }
        }
    }

    private static void handle(Map<?, ?> m) throws IOException {
        Object method = m.get("method");
        if ("textDocument/publishDiagnostics".equals(method)) {
            Map<?, ?> p = (Map<?, ?>) m.get("params");
            latestDiagnostics.put((String) p.get("uri"), p.get("diagnostics"));
        } else if (method != null && m.get("id") != null) {
            // a request from the server (configuration, registerCapability): answer with null
            send("{\"jsonrpc\":\"2.0\",\"id\":" + json(m.get("id")) + ",\"result\":null}");
        }
    }

    private static void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    private static Object readMessage() throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = fromServer.read();
            if (c < 0) throw new EOFException("server closed its output");
            if (c == '\n') {
                String h = line.toString().trim();
                if (h.isEmpty()) break;
                if (h.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
                line.setLength(0);
            } else line.append((char) c);
        }
        byte[] body = fromServer.readNBytes(length);
        return new Json(new String(body, StandardCharsets.UTF_8)).value();
    }

    // ---- minimal JSON ------------------------------------------------------------------------

    static int num(Object o) {
        return ((Number) o).intValue();
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    static String json(Object o) {
        if (o == null) return "null";
        if (o instanceof String s) return str(s);
        if (o instanceof Number n) return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : n.toString();
        if (o instanceof Boolean b) return b.toString();
        if (o instanceof List<?> l) {
            StringJoiner j = new StringJoiner(",", "[", "]");
            for (Object x : l) j.add(json(x));
            return j.toString();
        }
        Map<?, ?> m = (Map<?, ?>) o;
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (Map.Entry<?, ?> e : m.entrySet()) j.add(str((String) e.getKey()) + ":" + json(e.getValue()));
        return j.toString();
    }

    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    skip();
                    String k = (String) value();
                    skip();
                    i++; // ':'
                    m.put(k, value());
                    skip();
                    if (s.charAt(i++) == '}') return m;
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    skip();
                    if (s.charAt(i++) == ']') return l;
                }
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (s.charAt(i) != '"') {
                    char ch = s.charAt(i++);
                    if (ch != '\\') { sb.append(ch); continue; }
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> { sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                        default -> sb.append(e);
                    }
                }
                i++;
                return sb.toString();
            }
            if (s.startsWith("true", i)) { i += 4; return true; }
            if (s.startsWith("false", i)) { i += 5; return false; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            return Double.parseDouble(s.substring(start, i));
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
