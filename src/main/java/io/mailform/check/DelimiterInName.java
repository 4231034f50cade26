package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.User;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.List;

/**
 * Postfix splits a local name at the first recipient delimiter: {@code first+last} is user {@code first} with the
 * extension {@code last}. A user of such a name never gets mail as itself. An alias of such a name still matches
 * (aliases are looked up whole first), but reads as an extension of another name, which misleads.
 */
final class DelimiterInName implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.RECIPIENT_DELIMITER).andEach(Part.USERS, Part.ALIASES);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        if (system.recipientDelimiter().isEmpty()) {
            return;
        }
        ThisHost host = ThisHost.of(system);
        List<User> users = system.users();
        for (int i = 0; i < users.size(); i++) {
            String name = users.get(i).name();
            String base = host.withoutExtension(name);
            if (!base.equals(name)) {
                findings.atValue(Code.DELIMITER_IN_NAME, Pointers.of("users", i, "name"),
                        "user name \"" + name + "\" contains the recipient delimiter \"" + name.charAt(base.length())
                                + "\": Postfix delivers " + name + " to user \"" + base
                                + "\", so this user never receives mail",
                        help(name, base));
            }
        }
        for (Alias alias : system.aliases()) {
            String name = alias.name();
            String base = host.withoutExtension(name);
            if (!base.equals(name)) {
                findings.atKey(Code.DELIMITER_IN_NAME, Pointers.of("aliases", name),
                        "alias name \"" + name + "\" contains the recipient delimiter \"" + name.charAt(base.length())
                                + "\": Postfix also reads it as \"" + base + "\" with an address extension",
                        help(name, base));
            }
        }
    }

    private static String help(String name, String base) {
        String extension = name.substring(base.length() + 1);
        String example = extension.isEmpty() ? "" : " (e.g. " + base + "." + extension + ")";
        return "rename it without \"" + name.charAt(base.length()) + "\"" + example + ", or change recipient_delimiter";
    }
}
