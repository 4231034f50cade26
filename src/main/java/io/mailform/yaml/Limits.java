package io.mailform.yaml;

/**
 * Bounds on what the reader accepts. A mail-system description is a few kilobytes, a large site's alias table a few
 * megabytes; these leave room for hundreds of thousands of aliases while keeping hostile input (alias bombs, deep
 * nesting, huge files) cheap to refuse. The input size is the one bound a user may change ({@code
 * --max-input-size}). {@code maxNodes} bounds what anchors and aliases expand a document to: at most this many
 * nodes, or twice the nodes written in the file when that is more, so that a large file is not refused for one
 * anchor while an alias bomb of any size still is.
 */
public record Limits(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {
    /** The default input bound: 32 MiB, about 450,000 aliases of three targets each. */
    public static final int DEFAULT_MAX_BYTES = 32 << 20;
    /** The largest input bound accepted: 1 GiB, which still fits one Java string. */
    public static final int LARGEST_MAX_BYTES = 1 << 30;
    public static final Limits DEFAULT = forInputSize(DEFAULT_MAX_BYTES);

    /** The limits for files of up to {@code maxBytes} bytes, the other bounds at their defaults. */
    /** The node bound for a file that holds {@code written} nodes (keys, values and aliases as written). */
    public int maxNodes(long written) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(maxNodes, 2 * written));
    }

    public static Limits forInputSize(int maxBytes) {
        if (maxBytes < 1 || maxBytes > LARGEST_MAX_BYTES) {
            throw new IllegalArgumentException("input size bound out of range: " + maxBytes);
        }
        return new Limits(maxBytes, 32, 100, 200_000);
    }
}
