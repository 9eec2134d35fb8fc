package io.kinlink.member.rest;

import java.util.UUID;

import io.kinlink.member.access.ReachableMembers;
import io.kinlink.member.service.ProfileService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/members/{memberId}")
@Produces(MediaType.APPLICATION_JSON)
public class MemberProfileResource {

    private final ProfileService profiles;
    private final ReachableMembers reachable;

    public MemberProfileResource(ProfileService profiles, ReachableMembers reachable) {
        this.profiles = profiles;
        this.reachable = reachable;
    }

    /** The member changes their own profile; operators change anyone's. */
    @PATCH
    @RolesAllowed({"member", "operator"})
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberResponse update(@PathParam("memberId") UUID memberId, @Valid @NotNull UpdateProfileRequest request) {
        reachable.require(memberId);
        return MemberResponse.from(profiles.update(memberId, strip(request.name()), strip(request.branch()),
                request.marketingConsent()));
    }

    @PUT
    @Path("/needs-tags")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberResponse needsTags(@PathParam("memberId") UUID memberId, @Valid @NotNull NeedsTagsRequest request) {
        return MemberResponse.from(profiles.replaceNeedsTags(memberId, request.tags()));
    }

    @POST
    @Path("/suspension")
    @RolesAllowed("operator")
    public MemberResponse suspend(@PathParam("memberId") UUID memberId) {
        return MemberResponse.from(profiles.suspend(memberId));
    }

    @DELETE
    @Path("/suspension")
    @RolesAllowed("operator")
    public MemberResponse reinstate(@PathParam("memberId") UUID memberId) {
        return MemberResponse.from(profiles.reinstate(memberId));
    }

    /** Erasure on the member's request: personal data goes, the id and history stay. */
    @POST
    @Path("/erasure")
    @RolesAllowed({"member", "operator"})
    public MemberResponse erase(@PathParam("memberId") UUID memberId) {
        reachable.require(memberId);
        return MemberResponse.from(profiles.erase(memberId));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
