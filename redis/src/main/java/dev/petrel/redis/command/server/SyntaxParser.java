package dev.petrel.redis.command.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a command's syntax line, as the Redis docs write it ({@code key value [NX | XX] [GET] [EX seconds | PX
 * milliseconds]}), into COMMAND DOCS's argument tree, so that one string in the command table serves both the docs
 * and redis-cli's hints.
 *
 * <p>The grammar: {@code [...]} is optional, {@code <...>} a required group, {@code a | b} alternatives (a oneof),
 * {@code x [x ...]} a repeated argument (multiple), and an upper-case word a token: alone it is a pure token, before
 * lower-case names it introduces them. A group of several arguments is a block. A name's type comes from the names
 * Redis itself gives its arguments ({@code key} for keys, {@code integer} for {@code count}...), else {@code string}.
 */
final class SyntaxParser {
    private static final Map<String, String> TYPES = types();

    private final List<String> words;
    private int pos;

    private SyntaxParser(List<String> words) {
        this.words = words;
    }

    /** The argument tree of {@code syntax}; empty for an empty line. */
    static List<DocArg> parse(String syntax) {
        SyntaxParser p = new SyntaxParser(tokenize(syntax));
        List<List<Object>> alts = p.alternatives(null);
        return alts.isEmpty() ? List.of() : build(alts.get(0));
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '[' || ch == ']' || ch == '<' || ch == '>' || ch == '|' || Character.isWhitespace(ch)) {
                flush(w, out);
                if (!Character.isWhitespace(ch)) {
                    out.add(String.valueOf(ch));
                }
            } else {
                w.append(ch);
            }
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() == 0) {
            return;
        }
        String s = w.toString();
        if (s.endsWith("...") && s.length() > 3) {
            out.add(s.substring(0, s.length() - 3));
            out.add("...");
        } else {
            out.add(s);
        }
        w.setLength(0);
    }

    /**
     * Raw items up to {@code closer}: each alternative is a list of words (String) and groups (Group), with the
     * repetitions already folded in.
     */
    private List<List<Object>> alternatives(String closer) {
        List<List<Object>> alts = new ArrayList<>();
        List<Object> seq = new ArrayList<>();
        while (pos < words.size()) {
            String w = words.get(pos++);
            if (w.equals(closer)) {
                break;
            } else if (w.equals("|")) {
                alts.add(seq);
                seq = new ArrayList<>();
            } else if (w.equals("[")) {
                seq.add(group(alternatives("]"), true));
            } else if (w.equals("<")) {
                seq.add(group(alternatives(">"), false));
            } else if (!w.equals("]") && !w.equals(">")) {
                seq.add(w);
            }
        }
        if (!seq.isEmpty() || !alts.isEmpty()) {
            alts.add(seq);
        }
        for (List<Object> a : alts) {
            foldRepetitions(a);
        }
        return alts;
    }

    /** A bracketed or angled group, before it becomes a oneof, a block or a single argument. */
    private record Group(List<List<Object>> alternatives, boolean optional, boolean multiple) {}

    /**
     * A group, folding the docs' way of writing a repeated choice, {@code [a | b [a | b ...]]}: the last alternative
     * ends with a copy of the whole group followed by {@code ...}.
     */
    private static Group group(List<List<Object>> alts, boolean optional) {
        int n = alts.size();
        List<Object> last = n == 0 ? List.of() : alts.get(n - 1);
        if (!last.isEmpty() && last.get(last.size() - 1) instanceof Group g && g.alternatives.size() == n) {
            List<List<Object>> inner = g.alternatives;
            List<Object> innerLast = inner.get(n - 1);
            boolean repeats = !innerLast.isEmpty()
                    && "...".equals(innerLast.get(innerLast.size() - 1))
                    && inner.subList(0, n - 1).equals(alts.subList(0, n - 1))
                    && innerLast.subList(0, innerLast.size() - 1).equals(last.subList(0, last.size() - 1));
            if (repeats) {
                List<List<Object>> folded = new ArrayList<>(alts.subList(0, n - 1));
                folded.add(last.subList(0, last.size() - 1));
                return new Group(folded, optional, true);
            }
        }
        return new Group(alts, optional, false);
    }

    /** A run of items that repeats: {@code x y [x y ...]} becomes one Repeated of {@code x y}. */
    private record Repeated(List<Object> items) {}

    private static void foldRepetitions(List<Object> seq) {
        for (int i = 0; i < seq.size(); i++) {
            if (!(seq.get(i) instanceof Group g) || g.alternatives.size() != 1) {
                continue;
            }
            List<Object> inner = g.alternatives.get(0);
            if (inner.size() < 2 || !"...".equals(inner.get(inner.size() - 1))) {
                continue;
            }
            List<Object> unit = inner.subList(0, inner.size() - 1);
            int k = unit.size();
            if (i >= k && seq.subList(i - k, i).equals(unit)) {
                List<Object> items = new ArrayList<>(unit);
                seq.subList(i - k, i + 1).clear();
                seq.add(i - k, new Repeated(items));
                i -= k;
            }
        }
    }

    /** Converts one alternative's items into arguments, attaching tokens to what follows them. */
    private static List<DocArg> build(List<Object> seq) {
        List<DocArg> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Object item = seq.get(i);
            if ("...".equals(item)) {
                continue; // a repetition whose unit did not precede it: nothing to fold
            }
            if (item instanceof String w && isToken(w)) {
                List<DocArg> values = new ArrayList<>();
                while (i + 1 < seq.size() && seq.get(i + 1) instanceof String v && !isToken(v)) {
                    values.add(leaf(v));
                    i++;
                }
                if (values.isEmpty() && i + 1 < seq.size() && seq.get(i + 1) instanceof Group g && !g.optional) {
                    out.add(group(g).withToken(w));
                    i++;
                } else if (values.isEmpty() && i + 1 < seq.size() && seq.get(i + 1) instanceof Repeated r) {
                    // ID client-id [client-id ...]: the token heads a block of the repeated values
                    DocArg repeated = single(build(r.items())).withMultiple(false);
                    out.add(new DocArg(lower(w), "block", w, false, false, false, List.of(repeated)));
                    i++;
                } else {
                    out.add(values.isEmpty() ? pureToken(w) : single(values).withToken(w));
                }
            } else if (item instanceof String w) {
                out.add(leaf(w));
            } else if (item instanceof Group g) {
                out.add(group(g));
            } else {
                List<Object> unit = ((Repeated) item).items();
                List<DocArg> parts = build(unit);
                boolean tokenFirst = unit.get(0) instanceof String w && isToken(w);
                out.add(single(parts).withMultiple(tokenFirst && parts.size() == 1));
            }
        }
        return out;
    }

    private static DocArg group(Group g) {
        DocArg a;
        if (g.alternatives.size() == 1) {
            a = single(build(g.alternatives.get(0)));
        } else {
            List<DocArg> choices = new ArrayList<>();
            for (List<Object> alt : g.alternatives) {
                choices.add(single(build(alt)));
            }
            a = new DocArg(joinNames(choices), "oneof", null, false, false, false, choices);
        }
        if (g.multiple) {
            a = a.withMultiple(false);
        }
        return g.optional ? a.withOptional() : a;
    }

    /** One argument as it is, several as a block. */
    private static DocArg single(List<DocArg> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new DocArg(joinNames(parts), "block", null, false, false, false, parts);
    }

    /**
     * Redis names a group of plain members after them ({@code encoding_offset}, {@code wrap_sat_fail}); a group of
     * groups is named here after its first member.
     */
    private static String joinNames(List<DocArg> parts) {
        if (parts.stream().anyMatch(DocArg::isGroup)) {
            return parts.get(0).name();
        }
        StringBuilder sb = new StringBuilder();
        for (DocArg p : parts) {
            sb.append(sb.length() == 0 ? "" : "_").append(p.name());
        }
        return sb.toString();
    }

    private static DocArg leaf(String name) {
        return new DocArg(name, TYPES.getOrDefault(name, "string"), null, false, false, false, List.of());
    }

    private static DocArg pureToken(String token) {
        return new DocArg(lower(token), "pure-token", token, false, false, false, List.of());
    }

    private static String lower(String token) {
        return token.toLowerCase(Locale.ROOT);
    }

    /** An upper-case word (letters, digits, '-', '_'), e.g. {@code NX}, {@code SET-ACTIVE-EXPIRE}, {@code 0}. */
    static boolean isToken(String w) {
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9') && ch != '-' && ch != '_') {
                return false;
            }
        }
        return !w.isEmpty();
    }

    /** The types Redis 7.0's docs give argument names most often. */
    private static Map<String, String> types() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String k : "key key1 key2 destination destkey dst newkey source sourcekey src".split(" ")) {
            m.put(k, "key");
        }
        for (String k : ("bit bits client-id count cursor db decrement destination-db end end-slot frequency increment"
                        + " index index1 index2 len limit milliseconds ms num-matches numkeys numreplicas offset port"
                        + " protover rank seconds slot start start-slot stop ttl version weight min-match-len")
                .split(" ")) {
            m.put(k, "integer");
        }
        for (String k : "height latitude longitude radius score timeout width".split(" ")) {
            m.put(k, "double");
        }
        m.put("pattern", "pattern");
        m.put("unix-time-seconds", "unix-time");
        m.put("unix-time-milliseconds", "unix-time");
        return Map.copyOf(m);
    }
}
