package io.kinlink.member.rest;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The member's needs tags, replacing the ones before; an empty set clears them. */
public record NeedsTagsRequest(@NotNull @Size(max = 20) Set<@NotNull String> tags) {
}
