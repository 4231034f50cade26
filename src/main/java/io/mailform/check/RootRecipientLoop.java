package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code root_recipient} becomes the {@code root:} alias; a target whose alias chain leads back to root makes
 * local(8) expand root forever, until it bounces root's mail. A target that is root itself delivers to root's
 * mailbox, like any alias naming itself: beside other targets that keeps a copy there, but as the only target it
 * sends root's mail nowhere else, which is never what root_recipient is written for.
 */
final class RootRecipientLoop implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.ROOT_RECIPIENT).and(ThisHost.ALIAS_LOOKUP).and(ThisHost.LOCAL_DOMAINS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        ThisHost host = ThisHost.of(system);
        List<AliasTarget> targets = system.rootRecipient();
        boolean onlyRoot = !targets.isEmpty() && targets.stream()
                .allMatch(target -> host.localName(target).filter(name -> isRoot(host, name)).isPresent());
        if (onlyRoot) {
            findings.atValue(Code.ROOT_RECIPIENT_LOOP, Pointers.of("root_recipient"),
                    "root_recipient sends root's mail back to root (root -> root): it stays in root's mailbox, as"
                            + " without root_recipient",
                    "name the user or address that should read root's mail, e.g. root_recipient: alice");
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            Optional<String> name = host.localName(targets.get(i));
            if (name.isEmpty() || isRoot(host, name.get())) {
                continue;
            }
            Optional<Alias> first = host.aliasFor(name.get());
            if (first.isEmpty()) {
                continue;
            }
            String pointer = Pointers.of("root_recipient", i);
            String target = targets.get(i).text();
            pathToRoot(host, first.get()).ifPresent(path -> findings.atValue(Code.ROOT_RECIPIENT_LOOP, pointer,
                    "root_recipient " + target + " leads back to root: " + path
                            + "; Postfix bounces root's mail (\"alias database loop\")",
                    "send root's mail to a user or an outside address that does not forward to root"));
        }
    }

    /** A name that reaches the root line: root itself, or root with an extension when no alias has the whole name. */
    private static boolean isRoot(ThisHost host, String name) {
        return host.aliasFor(name).map(alias -> ThisHost.sameName(alias.name(), ThisHost.ROOT))
                .orElse(ThisHost.sameName(host.withoutExtension(name), ThisHost.ROOT));
    }

    /** Breadth-first through the aliases from {@code start}; the chain shown runs from root back to root. */
    private static Optional<String> pathToRoot(ThisHost host, Alias start) {
        Map<Alias, Alias> parent = new IdentityHashMap<>();
        Deque<Alias> queue = new ArrayDeque<>();
        parent.put(start, start);
        queue.add(start);
        while (!queue.isEmpty()) {
            Alias alias = queue.poll();
            for (AliasTarget target : alias.targets()) {
                Optional<String> name = host.localName(target);
                if (name.isEmpty()) {
                    continue;
                }
                if (isRoot(host, name.get())) {
                    return Optional.of(render(parent, alias));
                }
                host.aliasFor(name.get())
                        .filter(next -> !ThisHost.sameName(next.name(), alias.name()) && !parent.containsKey(next))
                        .ifPresent(next -> {
                            parent.put(next, alias);
                            queue.add(next);
                        });
            }
        }
        return Optional.empty();
    }

    private static String render(Map<Alias, Alias> parent, Alias last) {
        List<String> names = new ArrayList<>();
        for (Alias at = last; ; at = parent.get(at)) {
            names.add(at.name());
            if (parent.get(at) == at) {
                break;
            }
        }
        names.add(ThisHost.ROOT);
        Collections.reverse(names); // built backwards: inserting at the front would be quadratic
        names.add(ThisHost.ROOT);
        return String.join(" -> ", names);
    }
}
