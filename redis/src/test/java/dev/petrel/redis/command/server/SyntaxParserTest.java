package dev.petrel.redis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxParserTest {

    private static DocArg leaf(String name, String type) {
        return new DocArg(name, type, null, false, false, false, List.of());
    }

    private static DocArg token(String name, String type, String token) {
        return new DocArg(name, type, token, false, false, false, List.of());
    }

    private static DocArg pure(String token) {
        return new DocArg(token.toLowerCase(), "pure-token", token, false, false, false, List.of());
    }

    @Test
    void emptySyntaxHasNoArguments() {
        assertThat(SyntaxParser.parse("")).isEmpty();
    }

    @Test
    void setAsRedisDocumentsIt() {
        List<DocArg> args = SyntaxParser.parse("key value [NX | XX] [GET] [EX seconds | PX milliseconds |"
                + " EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]");
        assertThat(args).hasSize(5);
        assertThat(args.get(0)).isEqualTo(leaf("key", "key"));
        assertThat(args.get(1)).isEqualTo(leaf("value", "string"));
        assertThat(args.get(2))
                .isEqualTo(new DocArg("nx_xx", "oneof", null, true, false, false, List.of(pure("NX"), pure("XX"))));
        assertThat(args.get(3)).isEqualTo(pure("GET").withOptional());
        DocArg exp = args.get(4);
        assertThat(exp.type()).isEqualTo("oneof");
        assertThat(exp.optional()).isTrue();
        assertThat(exp.arguments())
                .containsExactly(
                        token("seconds", "integer", "EX"),
                        token("milliseconds", "integer", "PX"),
                        token("unix-time-seconds", "unix-time", "EXAT"),
                        token("unix-time-milliseconds", "unix-time", "PXAT"),
                        pure("KEEPTTL"));
    }

    @Test
    void scanTokensTakeTheirValues() {
        assertThat(SyntaxParser.parse("cursor [MATCH pattern] [COUNT count] [TYPE type]"))
                .containsExactly(
                        leaf("cursor", "integer"),
                        token("pattern", "pattern", "MATCH").withOptional(),
                        token("count", "integer", "COUNT").withOptional(),
                        token("type", "string", "TYPE").withOptional());
    }

    @Test
    void repetitionsBecomeMultiple() {
        assertThat(SyntaxParser.parse("key [key ...]"))
                .containsExactly(leaf("key", "key").withMultiple(false));
        assertThat(SyntaxParser.parse("[key [key ...]]"))
                .containsExactly(leaf("key", "key").withMultiple(false).withOptional());
        assertThat(SyntaxParser.parse("key value [key value ...]"))
                .containsExactly(new DocArg(
                        "key_value",
                        "block",
                        null,
                        false,
                        true,
                        false,
                        List.of(leaf("key", "key"), leaf("value", "string"))));
        assertThat(SyntaxParser.parse("[GET pattern [GET pattern ...]]"))
                .containsExactly(new DocArg("pattern", "pattern", "GET", true, true, true, List.of()));
    }

    @Test
    void aTokenBeforeSeveralValuesMakesABlock() {
        assertThat(SyntaxParser.parse("[LIMIT offset count]"))
                .containsExactly(new DocArg(
                        "offset_count",
                        "block",
                        "LIMIT",
                        true,
                        false,
                        false,
                        List.of(leaf("offset", "integer"), leaf("count", "integer"))));
    }

    @Test
    void aTokenBeforeARequiredGroupLabelsTheGroup() {
        List<DocArg> args = SyntaxParser.parse("key [OVERFLOW <WRAP | SAT | FAIL>]");
        assertThat(args.get(1))
                .isEqualTo(new DocArg(
                        "wrap_sat_fail",
                        "oneof",
                        "OVERFLOW",
                        true,
                        false,
                        false,
                        List.of(pure("WRAP"), pure("SAT"), pure("FAIL"))));
    }

    @Test
    void nestedOptionalGroups() {
        List<DocArg> args = SyntaxParser.parse("key bit [start [end [BYTE | BIT]]]");
        assertThat(args).hasSize(3);
        DocArg range = args.get(2);
        assertThat(range.type()).isEqualTo("block");
        assertThat(range.optional()).isTrue();
        assertThat(range.arguments().get(0)).isEqualTo(leaf("start", "integer"));
        DocArg end = range.arguments().get(1);
        assertThat(end.type()).isEqualTo("block");
        assertThat(end.optional()).isTrue();
        assertThat(end.arguments().get(1).type()).isEqualTo("oneof");
    }

    @Test
    void requiredAlternatives() {
        assertThat(SyntaxParser.parse("<AND | OR> destkey key [key ...]"))
                .containsExactly(
                        new DocArg("and_or", "oneof", null, false, false, false, List.of(pure("AND"), pure("OR"))),
                        leaf("destkey", "key"),
                        leaf("key", "key").withMultiple(false));
    }

    @Test
    void aTokenBeforeARepetitionHeadsABlock() {
        assertThat(SyntaxParser.parse("[ID client-id [client-id ...]]"))
                .containsExactly(new DocArg(
                        "id",
                        "block",
                        "ID",
                        true,
                        false,
                        false,
                        List.of(leaf("client-id", "integer").withMultiple(false))));
    }

    @Test
    void bitfieldsRepeatedChoice() {
        String op = "GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding"
                + " offset increment>";
        List<DocArg> args = SyntaxParser.parse("key [" + op + " [" + op + " ...]]");
        assertThat(args).hasSize(2);
        DocArg operation = args.get(1);
        assertThat(operation.type()).isEqualTo("oneof");
        assertThat(operation.optional()).isTrue();
        assertThat(operation.multiple()).isTrue();
        assertThat(operation.arguments()).hasSize(2);
        DocArg get = operation.arguments().get(0);
        assertThat(get)
                .isEqualTo(new DocArg(
                        "encoding_offset",
                        "block",
                        "GET",
                        false,
                        false,
                        false,
                        List.of(leaf("encoding", "string"), leaf("offset", "integer"))));
        DocArg write = operation.arguments().get(1);
        assertThat(write.type()).isEqualTo("block");
        assertThat(write.arguments())
                .extracting(DocArg::name)
                .containsExactly("wrap_sat_fail", "encoding_offset_value");
        assertThat(write.arguments().get(1).arguments())
                .extracting(DocArg::token)
                .containsExactly("SET", "INCRBY");
    }
}
