package io.mailform.cli;

import io.mailform.postfix.KnownParameters;
import io.mailform.schema.SchemaValidator;

/**
 * What every validation needs before its first file is through, started on a second thread while that file is read:
 * the schema's compilation, which takes about as long as reading, and the list of Postfix's parameters. At start-up
 * a second core is there. Validation waits for what it needs, and does it itself if it failed here, so the outcome
 * is the same either way.
 */
final class Preparation {
    private Preparation() {
    }

    static void start() {
        Thread thread = new Thread(() -> {
            try {
                SchemaValidator.compile();
                KnownParameters.contains("");
            } catch (RuntimeException | Error e) {
                // the validation does it again on its own thread and reports what goes wrong there
            }
        }, "mailform-preparation");
        thread.setDaemon(true);
        thread.start();
    }
}
