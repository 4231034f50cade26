package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Code;
import io.mailform.postfix.MainCfParameter;
import org.junit.jupiter.api.Test;

class PostfixParameterOwnedTest {
    private static Checked withPostfix(String mode, String parameters) {
        return Checked.yaml("""
                version: 1
                mode: %s
                hostname: mail.example.com
                mail_name: example.com
                postfix:
                %s""".formatted(mode, parameters));
    }

    @Test
    void relayhostBelongsToRelay() {
        withPostfix("internet-site", "  biff: \"no\"\n  relayhost: \"[smtp.example.net]\"\n")
                .error(Code.POSTFIX_PARAMETER_OWNED).at(7, 3)
                .says("relayhost", "key relay")
                .helps("use relay instead");
    }

    @Test
    void mynetworksBelongsToNetworks() {
        withPostfix("satellite", "  mynetworks: 10.0.0.0/8\n").error(Code.POSTFIX_PARAMETER_OWNED).at(6, 3)
                .helps("use networks instead");
    }

    @Test
    void baselineParametersMayBeReplaced() {
        withPostfix("internet-site", "  smtpd_banner: $myhostname ESMTP\n  compatibility_level: \"3.7\"\n")
                .none(Code.POSTFIX_PARAMETER_OWNED);
    }

    @Test
    void modeNoneSetsNothingItself() {
        withPostfix("none", "  relayhost: \"[smtp.example.net]\"\n  mydestination: localhost\n")
                .none(Code.POSTFIX_PARAMETER_OWNED);
    }

    @Test
    void everyOwnedParameterNamesItsKey() {
        for (MainCfParameter parameter : MainCfParameter.values()) {
            boolean owned = parameter.ownership() == MainCfParameter.Ownership.KEY;
            assertTrue(OwningKeys.of(parameter).isPresent() == owned, parameter.parameterName());
        }
    }
}
