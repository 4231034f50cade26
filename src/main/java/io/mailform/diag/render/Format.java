package io.mailform.diag.render;

/** The values of {@code --format}. */
public enum Format {
    TEXT,
    JSON,
    GITHUB,
    SARIF;

    /** The renderer of this format; {@code toolVersion} names mailform's version where the format records it. */
    public Renderer renderer(boolean colour, String toolVersion) {
        return switch (this) {
            case TEXT -> new TextRenderer(colour);
            case JSON -> new JsonRenderer();
            case GITHUB -> new GithubRenderer();
            case SARIF -> new SarifRenderer(toolVersion);
        };
    }
}
