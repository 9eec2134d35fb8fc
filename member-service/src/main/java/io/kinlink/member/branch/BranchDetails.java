package io.kinlink.member.branch;

/** What an operator sets on a branch; the id is the key and never changes. */
public record BranchDetails(String nameZh, String nameEn, String city, String address, boolean active) {
}
