package dev.envreach.analysis;

import java.util.function.Function;

/**
 * Shell arithmetic on known integers: {@code + - * / % ** ( )}, comparisons, {@code && || !}, unary minus,
 * variables (unset or empty = 0). Returns null when a value is not known or the expression is not
 * understood; assignments are reported through {@code assign} so the caller can record them.
 */
final class Arith {
    private final String s;
    private final Function<String, Long> lookup;
    private final java.util.function.BiConsumer<String, Long> assign;
    private int i;

    private Arith(String s, Function<String, Long> lookup, java.util.function.BiConsumer<String, Long> assign) {
        this.s = s;
        this.lookup = lookup;
        this.assign = assign;
    }

    /** The value, or null when unknown. {@code lookup} returns null for an unknown variable. */
    static Long eval(String expr, Function<String, Long> lookup, java.util.function.BiConsumer<String, Long> assign) {
        if (expr == null || expr.length() > 500) return null;
        Arith a = new Arith(expr, lookup, assign);
        try {
            Long v = a.comma();
            a.ws();
            return a.i == a.s.length() ? v : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private boolean eat(String op) {
        ws();
        if (s.startsWith(op, i)) {
            // do not take "=" from "==", "<" from "<=", "*" from "**", "&" from "&&"
            i += op.length();
            return true;
        }
        return false;
    }

    private Long comma() {
        Long v = assignment();
        while (eat(",")) v = assignment();
        return v;
    }

    private Long assignment() {
        ws();
        int save = i;
        String name = name();
        if (name != null) {
            ws();
            for (String op : new String[] {"+=", "-=", "*=", "/=", "%=", "="}) {
                if (s.startsWith(op, i) && !(op.equals("=") && s.startsWith("==", i))) {
                    i += op.length();
                    Long r = assignment();
                    Long old = op.equals("=") ? Long.valueOf(0) : lookup.apply(name);
                    Long v = r == null || old == null ? null : switch (op) {
                        case "+=" -> old + r;
                        case "-=" -> old - r;
                        case "*=" -> old * r;
                        case "/=" -> r == 0 ? null : old / r;
                        case "%=" -> r == 0 ? null : old % r;
                        default -> r;
                    };
                    assign.accept(name, v);
                    return v;
                }
            }
        }
        i = save;
        return ternary();
    }

    private Long ternary() {
        Long c = or();
        if (eat("?")) {
            Long a = assignment();
            if (!eat(":")) throw new IllegalStateException();
            Long b = assignment();
            if (c == null) return null;
            return c != 0 ? a : b;
        }
        return c;
    }

    private Long or() {
        Long v = and();
        while (eat("||")) {
            Long r = and();
            v = v == null || r == null ? null : (v != 0 || r != 0) ? 1L : 0L;
        }
        return v;
    }

    private Long and() {
        Long v = cmp();
        while (eat("&&")) {
            Long r = cmp();
            v = v == null || r == null ? null : (v != 0 && r != 0) ? 1L : 0L;
        }
        return v;
    }

    private Long cmp() {
        Long v = add();
        while (true) {
            String op = null;
            for (String o : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                ws();
                if (s.startsWith(o, i) && !(o.equals("<") && s.startsWith("<<", i)) && !(o.equals(">") && s.startsWith(">>", i))) {
                    op = o;
                    break;
                }
            }
            if (op == null) return v;
            i += op.length();
            Long r = add();
            if (v == null || r == null) {
                v = null;
                continue;
            }
            boolean b = switch (op) {
                case "==" -> v.equals(r);
                case "!=" -> !v.equals(r);
                case "<=" -> v <= r;
                case ">=" -> v >= r;
                case "<" -> v < r;
                default -> v > r;
            };
            v = b ? 1L : 0L;
        }
    }

    private Long add() {
        Long v = mul();
        while (true) {
            ws();
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') && !s.startsWith("++", i) && !s.startsWith("--", i)) {
                char op = s.charAt(i++);
                Long r = mul();
                v = v == null || r == null ? null : op == '+' ? v + r : v - r;
            } else {
                return v;
            }
        }
    }

    private Long mul() {
        Long v = pow();
        while (true) {
            ws();
            if (i < s.length() && (s.charAt(i) == '*' || s.charAt(i) == '/' || s.charAt(i) == '%') && !s.startsWith("**", i)) {
                char op = s.charAt(i++);
                Long r = pow();
                if (v == null || r == null) v = null;
                else if (op == '*') v = v * r;
                else if (r == 0) v = null;
                else v = op == '/' ? v / r : v % r;
            } else {
                return v;
            }
        }
    }

    private Long pow() {
        Long v = unary();
        if (eat("**")) {
            Long r = pow();
            if (v == null || r == null || r < 0 || r > 62) return null;
            long x = 1;
            for (int k = 0; k < r; k++) x *= v;
            return x;
        }
        return v;
    }

    private Long unary() {
        ws();
        if (eat("!")) {
            Long v = unary();
            return v == null ? null : v == 0 ? 1L : 0L;
        }
        if (i < s.length() && s.charAt(i) == '-' && !s.startsWith("--", i)) {
            i++;
            Long v = unary();
            return v == null ? null : -v;
        }
        if (i < s.length() && s.charAt(i) == '+' && !s.startsWith("++", i)) {
            i++;
            return unary();
        }
        return primary();
    }

    private Long primary() {
        ws();
        if (eat("(")) {
            Long v = comma();
            if (!eat(")")) throw new IllegalStateException();
            return v;
        }
        if (i < s.length() && Character.isDigit(s.charAt(i))) {
            int st = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) i++;
            String t = s.substring(st, i);
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseLong(t.substring(2), 16);
            if (t.length() > 1 && t.startsWith("0")) return Long.parseLong(t, 8);
            return Long.parseLong(t);
        }
        if (eat("$")) {
            boolean braced = eat("{");
            String n = name();
            if (n == null) throw new IllegalStateException();
            if (braced && !eat("}")) throw new IllegalStateException();
            return lookup.apply(n);
        }
        String n = name();
        if (n == null) throw new IllegalStateException("unexpected");
        if (eat("++") || eat("--")) {
            Long v = lookup.apply(n);
            assign.accept(n, null);
            return v;
        }
        return lookup.apply(n);
    }

    private String name() {
        ws();
        int st = i;
        if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            return s.substring(st, i);
        }
        return null;
    }
}
