package io.mailform.diag.render;

/** The values of {@code --format}. */
public enum Format {
    TEXT,
    JSON,
    GITHUB;

    public Renderer renderer(boolean colour) {
        return switch (this) {
            case TEXT -> new TextRenderer(colour);
            case JSON -> new JsonRenderer();
            case GITHUB -> new GithubRenderer();
        };
    }
}
