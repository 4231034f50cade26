package io.mailform.runtime.smtp;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.smtp.core.MailCmdHandler;

import io.mailform.runtime.address.MailSettings;

/** MAIL FROM that qualifies a bare sender with the mail name (Postfix's myorigin) instead of James's default domain. */
public class MailNameMailCmdHandler extends MailCmdHandler {
    private final MailNameQualifier qualifier;

    @Inject
    public MailNameMailCmdHandler(MetricFactory metricFactory, MailSettings settings, DomainList domains) {
        super(metricFactory);
        this.qualifier = new MailNameQualifier(settings, domains);
    }

    @Override
    protected String getDefaultDomain() {
        return qualifier.domain();
    }
}
