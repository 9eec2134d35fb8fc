package io.kinlink.platform.input;

/**
 * Bounds of every paged list: {@code page × size} stays far inside an int (no overflow into a
 * negative offset), and nobody pages 10,000 pages deep; filters serve that better.
 */
public final class Paging {

    public static final int MAX_PAGE = 10_000;

    private Paging() {
    }
}
