package io.kinlink.member.branch;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Branches the directory starts with, for a first start or a local run: entries separated by
 * {@code ;}, each {@code id|中文名|English name|city|address} (city and address may be left empty).
 * An entry whose id exists is left alone, so operators' changes through the API stand.
 */
@ConfigMapping(prefix = "kinlink.branches")
public interface BranchSettings {

    Optional<String> initial();
}
