package io.kinlink.platform.input;

import java.util.List;
import java.util.Map;

import io.kinlink.platform.problem.InvalidRequestProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

/**
 * Path segments and query parameters follow the rules of {@link Texts} too: {@code /api/referral-codes/%00}
 * is a 400 naming the segment before any resource or the database sees it.
 */
@Provider
@PreMatching
public class CleanRequestLine implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<PathSegment> segments = request.getUriInfo().getPathSegments(true);
        for (PathSegment segment : segments) {
            String refusal = Texts.refusal(segment.getPath());
            if (refusal != null) {
                throw new InvalidRequestProblem("path", refusal);
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String refusal = Texts.refusal(parameter.getKey());
            for (String value : parameter.getValue()) {
                refusal = refusal != null ? refusal : Texts.refusal(value);
            }
            if (refusal != null) {
                throw new InvalidRequestProblem(parameter.getKey(), refusal);
            }
        }
    }
}
