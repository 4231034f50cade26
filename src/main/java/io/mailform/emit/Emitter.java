package io.mailform.emit;

import io.mailform.model.MailSystem;
import io.mailform.source.SourceFile;

/** One compilation target: a checked model in, a tree of files out, relative to the target's own directory. */
public interface Emitter {
    /** The directory name under the output directory, and the value of {@code --target}. */
    String target();

    Emitted emit(MailSystem system, SourceFile source, EmitContext context);
}
