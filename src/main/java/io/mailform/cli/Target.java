package io.mailform.cli;

import io.mailform.emit.Emitter;
import io.mailform.emit.james.JamesEmitter;
import io.mailform.emit.postfix.PostfixEmitter;
import java.util.List;

/** The values of {@code --target}. */
enum Target {
    POSTFIX,
    JAMES,
    ALL;

    List<Emitter> emitters() {
        return switch (this) {
            case POSTFIX -> List.of(new PostfixEmitter());
            case JAMES -> List.of(new JamesEmitter());
            case ALL -> List.of(new PostfixEmitter(), new JamesEmitter());
        };
    }
}
