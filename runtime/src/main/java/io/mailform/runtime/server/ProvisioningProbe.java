package io.mailform.runtime.server;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;

import io.mailform.runtime.config.Provisioning;
import io.mailform.runtime.config.StartupException;

/** Applies provisioning.json through the started server's own repositories, as webadmin or the CLI would. */
public class ProvisioningProbe implements GuiceProbe {
    private final UsersRepository users;
    private final RecipientRewriteTable rewriteTable;
    private final MaxQuotaManager quotas;
    private final UserQuotaRootResolver quotaRoots;

    @Inject
    public ProvisioningProbe(UsersRepository users, RecipientRewriteTable rewriteTable, MaxQuotaManager quotas,
            UserQuotaRootResolver quotaRoots) {
        this.users = users;
        this.rewriteTable = rewriteTable;
        this.quotas = quotas;
        this.quotaRoots = quotaRoots;
    }

    /** @param passwords the IMAP password of every user of the provisioning ({@code ImapPasswords}) */
    public void apply(Provisioning provisioning, Map<String, String> passwords) throws StartupException {
        applyQuota(provisioning.quota());
        for (Provisioning.User user : provisioning.users()) {
            addUser(user, passwords.get(user.name()));
        }
        for (Provisioning.Alias alias : provisioning.aliases()) {
            addAlias(alias);
        }
    }

    private void applyQuota(Provisioning.Quota quota) throws StartupException {
        try {
            if (quota.maxStorageBytes().isPresent()) {
                quotas.setGlobalMaxStorage(QuotaSizeLimit.size(quota.maxStorageBytes().getAsLong()));
            }
            if (quota.maxMessages().isPresent()) {
                quotas.setGlobalMaxMessage(QuotaCountLimit.count(quota.maxMessages().getAsLong()));
            }
        } catch (Exception e) {
            throw new StartupException("provisioning.json: /quota cannot be applied: " + e.getMessage(), e);
        }
    }

    private void addUser(Provisioning.User user, String password) throws StartupException {
        try {
            Username name = Username.of(user.name());
            users.addUser(name, password);
            if (user.maxStorageBytes().isPresent()) {
                quotas.setMaxStorage(quotaRoots.forUser(name), QuotaSizeLimit.size(user.maxStorageBytes().getAsLong()));
            }
        } catch (Exception e) {
            throw new StartupException("provisioning.json: user \"" + user.name() + "\" cannot be added: "
                + e.getMessage() + usersHint(), e);
        }
    }

    private String usersHint() {
        try {
            return users.supportVirtualHosting()
                ? " (usersrepository.xml enables virtual hosting: user names are full addresses)"
                : " (usersrepository.xml disables virtual hosting: user names have no @domain)";
        } catch (Exception e) {
            return "";
        }
    }

    private void addAlias(Provisioning.Alias alias) throws StartupException {
        for (String target : alias.targets()) {
            try {
                rewriteTable.addAddressMapping(MappingSource.fromMailAddress(new MailAddress(alias.source())), target);
            } catch (Exception e) {
                throw new StartupException("provisioning.json: alias " + alias.source() + " -> " + target
                    + " cannot be added: " + e.getMessage()
                    + " (its domain must be listed in domainlist.xml)", e);
            }
        }
    }
}
