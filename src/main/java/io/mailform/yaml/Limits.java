package io.mailform.yaml;

/**
 * Bounds on what the reader accepts. A mail-system description is a few kilobytes; these leave room for large
 * alias tables while keeping hostile input (alias bombs, deep nesting, huge files) cheap to refuse.
 */
public record Limits(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {
    public static final Limits DEFAULT = new Limits(1 << 20, 32, 100, 200_000);
}
