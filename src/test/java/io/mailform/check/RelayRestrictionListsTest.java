package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class RelayRestrictionListsTest {
    private static Checked with(String postfix) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                postfix:
                %s""".formatted(postfix));
    }

    @Test
    void debiansListAndItsStricterFormsPass() {
        with("  smtpd_relay_restrictions: permit_mynetworks reject_unauth_destination\n")
                .none(Code.RESTRICTIONS_REFUSED).none(Code.RESTRICTIONS_OPEN_RELAY).none(Code.RESTRICTIONS_UNJUDGED);
    }

    @Test
    void aPermitBeforeTheCheckLeavesSmtpdWithoutAWorkingInstance() {
        Checked checked = with("  smtpd_relay_restrictions: permit_mynetworks permit reject_unauth_destination\n");
        checked.warning(Code.RESTRICTION_IGNORED).at(6, 29).says("reject_unauth_destination", "ignored");
        checked.error(Code.RESTRICTIONS_REFUSED).at(6, 29).says("every SMTP connection fails")
                .helps("defer_unauth_destination");
    }

    @Test
    void aWorkingInstanceInTheRecipientRestrictionsIsEnough() {
        with("  smtpd_relay_restrictions: permit\n  smtpd_recipient_restrictions: permit_mynetworks "
                + "reject_unauth_destination\n").none(Code.RESTRICTIONS_REFUSED).none(Code.RESTRICTIONS_OPEN_RELAY);
    }

    @Test
    void aLookupThatMayPermitCannotBeJudged() {
        with("  smtpd_relay_restrictions: permit_mynetworks check_client_access hash:/etc/postfix/relay "
                + "defer_unauth_destination\n").warning(Code.RESTRICTIONS_UNJUDGED).at(6, 29)
                .says("check_client_access hash:/etc/postfix/relay");
    }
}
