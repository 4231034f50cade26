package io.mailform.check;

import io.mailform.diag.Code;
import org.junit.jupiter.api.Test;

class SatelliteLocalMailNameTest {
    @Test
    void mailNameListedInDestinations() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: host.example.com
                mail_name: example.com
                relay: {host: smtp.example.com}
                destinations: [localhost, example.com]
                """).warning(Code.SATELLITE_LOCAL_MAIL_NAME).at(6, 27)
                .says("mail name example.com", "instead of sending it to the relay")
                .helps("remove this entry");
    }

    @Test
    void mailNameThroughMyhostname() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: mail.example.com
                mail_name: MAIL.example.com
                relay: {host: smtp.example.com}
                destinations:
                  - $myhostname
                """).warning(Code.SATELLITE_LOCAL_MAIL_NAME).at(7, 5).says("through $myhostname");
    }

    @Test
    void debianDefaultDestinationsWhenTheHostnameLiesOutsideTheMailName() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: host.corp.example
                mail_name: example.com
                relay: {host: smtp.example.com}
                """).warning(Code.SATELLITE_LOCAL_MAIL_NAME).at(4, 12)
                .says("Debian's default destinations", "example.com")
                .helps("destinations: [localhost]", "host.example.com");
    }

    @Test
    void debianDefaultDestinationsWhenTheHostnameLiesWithinTheMailName() {
        Checked.yaml("""
                version: 1
                mode: satellite
                hostname: host.example.com
                mail_name: example.com
                relay: {host: smtp.example.com}
                """).none(Code.SATELLITE_LOCAL_MAIL_NAME);
    }

    @Test
    void otherModesKeepTheirMailNameLocal() {
        Checked.yaml("""
                version: 1
                mode: internet-smarthost
                hostname: host.corp.example
                mail_name: example.com
                relay: {host: smtp.example.com}
                destinations: [example.com]
                """).none(Code.SATELLITE_LOCAL_MAIL_NAME);
    }
}
