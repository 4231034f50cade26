package io.mailform.runtime.postfix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.mailform.runtime.config.StartupException;

/**
 * Everything a private instance changed on the host (a temporary directory, system accounts, a running Postfix),
 * each with the step that undoes it, undone in reverse order: when the instance is closed, when its start fails, and
 * by a shutdown hook when the JVM ends first (SIGTERM, also in the middle of a start). A change and the registration
 * of its undo happen under one lock, so the hook either waits for a change in progress and undoes it too, or stops
 * the start before the next change.
 */
final class Teardown {
    private static final Set<Teardown> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(teardown -> teardown.run()
            .forEach(failure -> System.err.println("mailform-runtime: " + failure))), "mailform-postfix-teardown"));
    }

    /** A change to the host. */
    interface Change<T> {
        T apply() throws Exception;
    }

    /** The step that undoes a change, given what the change returned (null when it failed half-way). */
    interface Undo<T> {
        void run(T changed) throws Exception;
    }

    private interface Step {
        void undo() throws Exception;
    }

    private record Named(String what, Step step) {
    }

    private final Deque<Named> steps = new ArrayDeque<>();
    private boolean finished;

    private Teardown() {
    }

    /** A new teardown, undone at JVM shutdown unless run before. */
    static Teardown start() {
        Teardown teardown = new Teardown();
        LIVE.add(teardown);
        return teardown;
    }

    /**
     * Applies {@code change} and registers its undo once it succeeded; a change that fails must leave nothing behind.
     */
    synchronized <T> T afterChange(String what, Change<T> change, Undo<T> undo) throws StartupException {
        refuseWhenFinished(what);
        T result = apply(what, change);
        steps.push(new Named(what, () -> undo.run(result)));
        return result;
    }

    /**
     * Registers the undo first and then applies {@code change}, for a change that may leave something behind even
     * when it fails (a Postfix that started half-way); the undo must be harmless when there is nothing to undo.
     */
    synchronized <T> T beforeChange(String what, Change<T> change, Undo<T> undo) throws StartupException {
        refuseWhenFinished(what);
        steps.push(new Named(what, () -> undo.run(null)));
        return apply(what, change);
    }

    private void refuseWhenFinished(String what) throws StartupException {
        if (finished) {
            throw new StartupException("stopped before " + what + ": the instance was closed while it started");
        }
    }

    private static <T> T apply(String what, Change<T> change) throws StartupException {
        try {
            return change.apply();
        } catch (StartupException e) {
            throw e;
        } catch (Exception e) {
            throw new StartupException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Undoes every change, the latest first, each even when an earlier undo failed; once only.
     *
     * @return what could not be undone, empty when the host is as it was found
     */
    synchronized List<String> run() {
        List<String> failures = new ArrayList<>();
        finished = true;
        while (!steps.isEmpty()) {
            Named step = steps.pop();
            try {
                step.step().undo();
            } catch (Exception e) {
                failures.add("cannot undo \"" + step.what() + "\": " + e.getMessage());
            }
        }
        LIVE.remove(this);
        return failures;
    }
}
