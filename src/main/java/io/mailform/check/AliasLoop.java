package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.Alias;
import io.mailform.model.MailSystem;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aliases that expand into each other: local(8) expands them again and again until it gives up and bounces the mail
 * ("alias database loop"). A group of aliases that reach each other is reported once, at its first alias in file
 * order, with the shortest cycle through it. An alias naming itself beside other targets is no loop: local(8)
 * delivers that one to the mailbox (keeping a copy). An alias naming only itself is reported, as it does nothing.
 */
final class AliasLoop implements Rule {
    @Override
    public Reads reads() {
        return ThisHost.ALIAS_LOOKUP.and(ThisHost.LOCAL_DOMAINS);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        ThisHost host = ThisHost.of(system);
        List<Alias> aliases = host.distinctAliases();
        for (Alias alias : aliases) {
            if (namesOnlyItself(host, alias)) {
                findings.atKey(Code.ALIAS_LOOP, Pointers.of("aliases", alias.name()),
                        "alias " + alias.name() + " expands only to itself (" + alias.name() + " -> " + alias.name()
                                + "): Postfix delivers its mail to the mailbox " + alias.name()
                                + ", as without the alias",
                        "name the users or addresses it should forward to, or remove the alias");
            }
        }
        int[][] edges = edges(host, aliases);
        for (List<Integer> group : new StronglyConnected(edges).components()) {
            if (group.size() < 2) {
                continue;
            }
            int first = group.stream().min(Integer::compare).orElseThrow();
            List<Integer> cycle = shortestCycle(edges, first, group);
            String shown = String.join(" -> ", cycle.stream().map(i -> aliases.get(i).name()).toList());
            findings.atKey(Code.ALIAS_LOOP, Pointers.of("aliases", aliases.get(first).name()),
                    "aliases expand into each other in a loop: " + shown
                            + "; Postfix bounces their mail (\"alias database loop\")",
                    "break the cycle: let one of them deliver to a user or an outside address instead of another"
                            + " alias");
        }
    }

    private static boolean namesOnlyItself(ThisHost host, Alias alias) {
        return !alias.targets().isEmpty() && alias.targets().stream().allMatch(target -> host.localName(target)
                .flatMap(host::aliasFor)
                .filter(found -> ThisHost.sameName(found.name(), alias.name()))
                .isPresent());
    }

    private static int[][] edges(ThisHost host, List<Alias> aliases) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < aliases.size(); i++) {
            position.put(ThisHost.fold(aliases.get(i).name()), i);
        }
        int[][] edges = new int[aliases.size()][];
        for (int i = 0; i < aliases.size(); i++) {
            edges[i] = host.expansion(aliases.get(i)).stream()
                    .mapToInt(next -> position.get(ThisHost.fold(next.name())))
                    .toArray();
        }
        return edges;
    }

    /** Breadth-first from {@code start} inside its group, so the cycle shown is a shortest one: start ... start. */
    private static List<Integer> shortestCycle(int[][] edges, int start, List<Integer> group) {
        boolean[] inGroup = new boolean[edges.length];
        group.forEach(i -> inGroup[i] = true);
        int[] parent = new int[edges.length];
        Arrays.fill(parent, -2);
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        parent[start] = -1;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next : edges[node]) {
                if (next == start) {
                    List<Integer> path = new ArrayList<>();
                    for (int at = node; at != -1; at = parent[at]) {
                        path.add(at);
                    }
                    Collections.reverse(path); // built backwards: inserting at the front would be quadratic
                    path.add(start);
                    return path;
                }
                if (inGroup[next] && parent[next] == -2) {
                    parent[next] = node;
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("a strongly connected group without a cycle through " + start);
    }
}
