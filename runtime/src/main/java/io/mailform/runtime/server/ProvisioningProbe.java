package io.mailform.runtime.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.rrt.lib.Mapping;
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
    private final DomainList domains;
    private final Map<Domain, Boolean> localDomains = new HashMap<>();
    private final Set<Map.Entry<MappingSource, Mapping>> added = new HashSet<>();

    @Inject
    public ProvisioningProbe(UsersRepository users, RecipientRewriteTable rewriteTable, MaxQuotaManager quotas,
            UserQuotaRootResolver quotaRoots, DomainList domains) {
        this.domains = domains;
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

    /**
     * Each target as the address mapping James's {@code addAddressMapping} would store, with its checks made against
     * indexes instead: that one resolves the whole table for every mapping added (to refuse loops, which the compiler
     * refuses already, rule alias-loop, and James's mappingLimit stops at delivery), 5 s for 400,000 mappings.
     */
    private void addAlias(Provisioning.Alias alias) throws StartupException {
        for (String target : alias.targets()) {
            try {
                MailAddress source = new MailAddress(alias.source());
                if (!isLocalDomain(source.getDomain())) {
                    throw new IllegalArgumentException("Source domain " + source.getDomain().asString()
                        + " is not managed by the domainList");
                }
                Mapping mapping = Mapping.address(target).appendDomainIfNone(this::defaultDomain);
                mapping.asMailAddress().orElseThrow(() -> new IllegalArgumentException("Invalid emailAddress: "
                    + target));
                MappingSource mappingSource = MappingSource.fromMailAddress(source);
                if (!added.add(Map.entry(mappingSource, mapping))) {
                    throw new IllegalArgumentException("Mapping '" + mapping.asString() + "' for '"
                        + mappingSource.asString() + "' already exists");
                }
                rewriteTable.addMapping(mappingSource, mapping);
            } catch (Exception e) {
                throw new StartupException("provisioning.json: alias " + alias.source() + " -> " + target
                    + " cannot be added: " + e.getMessage(), e);
            }
        }
    }

    private boolean isLocalDomain(Domain domain) throws DomainListException {
        Boolean local = localDomains.get(domain);
        if (local == null) {
            local = domains.containsDomain(domain);
            localDomains.put(domain, local);
        }
        return local;
    }

    private Domain defaultDomain() {
        try {
            return domains.getDefaultDomain();
        } catch (DomainListException e) {
            throw new IllegalStateException("no default domain: " + e.getMessage(), e);
        }
    }
}
