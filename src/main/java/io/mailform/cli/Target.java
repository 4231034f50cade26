package io.mailform.cli;

import io.mailform.emit.Emitter;
import io.mailform.emit.postfix.PostfixEmitter;
import java.util.List;

/** The values of {@code --target}. */
enum Target {
    POSTFIX,
    ALL;

    List<Emitter> emitters() {
        return switch (this) {
            case POSTFIX, ALL -> List.of(new PostfixEmitter());
        };
    }
}
