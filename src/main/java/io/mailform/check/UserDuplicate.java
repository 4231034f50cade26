package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.model.User;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user named twice, as a bare name and as a mapping or in two mappings, is one account: the schema's uniqueItems
 * catches only identical items, and two mappings could give the account two passwords.
 */
final class UserDuplicate implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.USERS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        List<User> users = system.users();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            String name = users.get(i).name();
            Integer earlier = first.putIfAbsent(name, i);
            if (earlier != null) {
                int line = findings.positionOf(Pointers.of("users", earlier)).line();
                findings.atValue(Code.USER_DUPLICATE, Pointers.of("users", i),
                        "user " + name + " is listed twice (line " + line + ")",
                        "keep one entry for " + name + "; give its password_file or password_env there");
            }
        }
    }
}
