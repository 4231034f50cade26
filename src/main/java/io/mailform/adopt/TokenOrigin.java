package io.mailform.adopt;

import io.mailform.source.SourceFile;
import java.util.Optional;

/**
 * Narrows a diagnostic about one item of a list (a network of {@code networks}, say) from the whole main.cf setting
 * to that item where main.cf writes it, continuation lines included, so that the caret points at
 * {@code 0.0.0.0/0} rather than at {@code mynetworks}.
 */
final class TokenOrigin {
    private TokenOrigin() {
    }

    /**
     * @param origin the setting the list came from
     * @param yamlLine the line of the written description the diagnostic points at
     * @param column its 1-based column there
     */
    static Origin narrowed(Origin origin, String yamlLine, int column, Optional<MainCfFile> mainCf) {
        if (mainCf.isEmpty() || !mainCf.get().source().name().equals(origin.file()) || origin.parameter() == null) {
            return origin;
        }
        Optional<String> item = itemAt(yamlLine, column - 1);
        if (item.isEmpty() || item.get().isEmpty()) {
            return origin;
        }
        SourceFile source = mainCf.get().source();
        int start = origin.span().start().offset();
        int end = mainCf.get().settings().stream().filter(setting -> setting.span().start().offset() > start)
                .mapToInt(setting -> setting.span().start().offset()).min().orElse(source.text().length());
        String region = source.text().substring(start, end);
        for (String candidate : new String[] {item.get(), bracketed(item.get())}) {
            int at = region.indexOf(candidate, region.indexOf('=') + 1);
            if (at >= 0 && region.indexOf('=') >= 0) {
                return new Origin(origin.file(), source.spanOf(start + at, start + at + candidate.length()),
                        origin.parameter());
            }
        }
        return origin;
    }

    /** An IPv6 network as main.cf writes it: {@code ::1/128} is {@code [::1]/128}. */
    private static String bracketed(String item) {
        int slash = item.indexOf('/');
        if (!item.contains(":")) {
            return item;
        }
        return slash < 0 ? "[" + item + "]" : "[" + item.substring(0, slash) + "]" + item.substring(slash);
    }

    /** The scalar of a flow list that starts at {@code index}: single-quoted, or plain up to ',' or ']'. */
    private static Optional<String> itemAt(String line, int index) {
        if (index < 0 || index >= line.length()) {
            return Optional.empty();
        }
        if (line.charAt(index) == '\'') {
            StringBuilder text = new StringBuilder();
            for (int i = index + 1; i < line.length(); i++) {
                if (line.charAt(i) == '\'') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                        text.append('\'');
                        i++;
                        continue;
                    }
                    return Optional.of(text.toString());
                }
                text.append(line.charAt(i));
            }
            return Optional.empty();
        }
        int end = index;
        while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != ']') {
            end++;
        }
        return Optional.of(line.substring(index, end).strip());
    }
}
