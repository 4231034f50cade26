package io.mailform.check;

import java.util.List;

/** The rules every description is checked against. */
final class StandardRules {
    private StandardRules() {
    }

    static List<Rule> all() {
        return List.of(
                // errors
                new RelayRequired(),
                new RelayNotAllowed(),
                new RelayLoop(),
                new NetworksOpenRelay(),
                new AliasLoop(),
                new AliasDuplicate(),
                new UserDuplicate(),
                new RootRecipientLoop(),
                new DestinationRouted(),
                new MailboxLimitTooSmall(),
                new PostfixUnknownParameter(),
                new PostfixMacros(),
                new PostfixParameterOwned(),
                new NameNotFqdn(),
                new DomainNameSyntax(),
                new AliasTargetMalformed(),
                new DelimiterUnusable(),
                new RelayRestrictionLists(),
                // warnings
                new SatelliteLocalMailName(),
                new NetworksPublic(),
                new NetworksHostBits(),
                new NetworksDuplicate(),
                new ProtocolMismatch(),
                new AliasTargetUnknown(),
                new DelimiterInName(),
                new RelayAuthWeakTls(),
                new NoneModeIgnoredKeys());
    }
}
