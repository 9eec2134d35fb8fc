package io.kinlink.platform.branch;

import java.util.Collection;
import java.util.TreeSet;

import io.kinlink.platform.problem.InvalidRequestProblem;

/** A request named branch ids the directory does not hold: one field error naming them all. */
public class UnknownBranchProblem extends InvalidRequestProblem {

    public UnknownBranchProblem(String field, Collection<String> unknown) {
        super(field, (unknown.size() == 1 ? "unknown branch " : "unknown branches ")
                + String.join(", ", new TreeSet<>(unknown)) + "; operators add branches at /api/branches");
    }
}
