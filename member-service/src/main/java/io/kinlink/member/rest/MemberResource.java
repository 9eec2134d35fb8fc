package io.kinlink.member.rest;

import java.net.URI;
import java.util.UUID;

import io.kinlink.member.service.MemberService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

    private final MemberService members;

    public MemberResource(MemberService members) {
        this.members = members;
    }

    @POST
    public Response register(@Valid @NotNull RegisterMemberRequest request) {
        MemberResponse member = MemberResponse.from(members.register(request.toNewMember(), request.phone()));
        return Response.created(URI.create("/api/members/" + member.id())).entity(member).build();
    }

    @GET
    @Path("/{memberId}")
    public MemberResponse get(@PathParam("memberId") UUID memberId) {
        return MemberResponse.from(members.get(memberId));
    }
}
