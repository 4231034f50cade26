package io.mailform.cli;

import io.mailform.model.Size;
import io.mailform.yaml.Limits;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How much input a command reads; shared by every command that reads descriptions. */
final class InputOptions {
    @Option(names = "--max-input-size", paramLabel = "SIZE", converter = InputSize.class,
            description = {"The largest description read, e.g. 64M, 500KB, 1GiB (K, M, G and KiB, MiB, GiB count "
                    + "1024s; KB, MB, GB 1000s; at most 1GiB; default: 32MiB). A larger file is an "
                    + "input-too-large error."})
    Integer maxInputSize;

    Limits limits() {
        return maxInputSize == null ? Limits.DEFAULT : Limits.forInputSize(maxInputSize);
    }

    /** Sizes as descriptions write them (bytes, KB, MiB, ...), plus K, M and G in 1024s as in head -c. */
    static final class InputSize implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String text = value.strip();
            String upper = text.toUpperCase(Locale.ROOT);
            if (upper.endsWith("K") || upper.endsWith("M") || upper.endsWith("G")) {
                text = text + "iB";
            }
            Optional<Size> size = Size.parse(text);
            if (size.isEmpty()) {
                throw new TypeConversionException("'" + value + "' is no size; write bytes or a number with a unit, "
                        + "e.g. 64M, 500KB, 1GiB");
            }
            long bytes = size.get().bytes();
            if (bytes < 1 || bytes > Limits.LARGEST_MAX_BYTES) {
                throw new TypeConversionException("'" + value + "' is out of range: the size must be at least 1 byte "
                        + "and at most 1GiB");
            }
            return (int) bytes;
        }
    }
}
