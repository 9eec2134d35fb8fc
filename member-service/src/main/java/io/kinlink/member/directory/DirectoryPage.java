package io.kinlink.member.directory;

import java.util.List;

public record DirectoryPage(int page, int size, long total, List<DirectoryEntry> items) {
}
