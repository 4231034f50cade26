package io.mailform.runtime.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpdTokensTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "TO:<a@b>                          | TO:,<a@b>",
        "TO: <a@b>                         | TO:,<a@b>",
        "to:a@b X=1  Y=2                   | to:,a@b,X=1,Y=2",
        "FROM:<\"a b\"@c> SIZE=10           | FROM:,<\"a b\"@c>,SIZE=10",
        "TO:<\"a>b\"@c>                     | TO:,<\"a>b\"@c>",
        "ADDR=1.2.3.4 NAME=x               | ADDR=1.2.3.4,NAME=x",
    })
    void splitsAsPostfixSplits(String argument, String words) {
        SmtpdTokens tokens = SmtpdTokens.of(argument);
        assertEquals(List.of(words.split(",")), tokens.textsFrom(0));
        assertEquals(false, tokens.tokens().stream().anyMatch(SmtpdTokens.Token::broken));
    }

    /** White space is isspace in the C locale; other control characters are part of a word. */
    @org.junit.jupiter.api.Test
    void controlCharactersAreText() {
        assertEquals(List.of("FROM:", "c\u000702\u001E[TH=;;", "X"),
            SmtpdTokens.of("FROM:c\u000702\u001E[TH=;; \u000BX").textsFrom(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TO:<a@b", "TO:<\"a@b>"})
    void anOpenBracketOrQuoteBreaksItsWord(String argument) {
        assertEquals(true, SmtpdTokens.of(argument).get(1).broken());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(value = {"''", "'   '"})
    void nothingToSplit(String argument) {
        assertEquals(0, SmtpdTokens.of(argument).size());
        assertEquals(0, SmtpdTokens.of(null).size());
    }
}
