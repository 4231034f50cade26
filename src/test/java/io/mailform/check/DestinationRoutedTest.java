package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class DestinationRoutedTest {
    @Test
    void domainInDestinationsAndRoutes() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                destinations:
                  - localhost
                  - example.org
                routes:
                  example.org: {host: mx.partner.example}
                """).error(Code.DESTINATION_ROUTED).at(9, 3)
                .says("example.org", "mx.partner.example", "in destinations (line 7)")
                .helps("remove the route", "destinations without it");
    }

    @Test
    void aRouteKeyWrittenInCapitalsIsReportedAtItsKey() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                destinations: [localhost, example.org]
                routes:
                  Example.ORG: {host: mx.partner.example}
                """).error(Code.DESTINATION_ROUTED).at(7, 3);
    }

    @Test
    void hostnameInDebianDefaultDestinations() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                routes:
                  mail.example.com:
                    host: mx.partner.example
                """).error(Code.DESTINATION_ROUTED).at(6, 3).says("default destinations of mode internet-site");
    }

    @Test
    void subdomainOfADestinationIsAnotherDomain() {
        Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                destinations: [example.org]
                routes:
                  lists.example.org: {host: lists.partner.example}
                """).none(Code.DESTINATION_ROUTED);
    }
}
