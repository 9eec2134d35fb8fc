package io.kinlink.member.rest;

import java.net.URI;
import java.util.UUID;

import io.kinlink.member.access.ReachableMembers;
import io.kinlink.member.service.MemberRegistry;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final MemberRegistry members;
    private final ReachableMembers reachable;

    public MemberResource(MemberRegistry members, ReachableMembers reachable) {
        this.members = members;
        this.reachable = reachable;
    }

    /** Open to everyone: the app, the landing page, front desks and partners (for their own branches). */
    @POST
    public Response register(@Valid @NotNull RegisterMemberRequest request) {
        reachable.requireRegistrationAt(request.branch());
        MemberResponse member = MemberResponse.from(members.register(request.toNewMember(), request.phone()));
        return Response.created(URI.create("/api/members/" + member.id())).entity(member).build();
    }

    /**
     * The till finds a member by the phone number they give: POST, so the number stays out of URLs
     * and access logs. A member outside a partner's branches is not found.
     */
    @POST
    @Path("/lookup")
    @RolesAllowed({"partner", "operator"})
    public MemberResponse lookup(@Valid @NotNull PhoneLookup lookup) {
        MemberRegistry.MemberView member = members.findByPhone(lookup.phone()).orElseThrow(MemberResource::noSuchPhone);
        try {
            reachable.require(member.member().id());
        } catch (NotFoundProblem outOfReach) {
            // the same answer as for an unknown number, without the member id that require() names
            throw noSuchPhone();
        }
        return MemberResponse.from(member);
    }

    private static NotFoundProblem noSuchPhone() {
        return new NotFoundProblem("member-not-found", "No member with this phone number");
    }

    public record PhoneLookup(@NotBlank @Size(max = 32) String phone) {
    }

    @GET
    @Path("/{memberId}")
    @RolesAllowed({"member", "partner", "operator"})
    public MemberResponse get(@PathParam("memberId") UUID memberId) {
        reachable.require(memberId);
        return MemberResponse.from(members.get(memberId));
    }
}
