package io.kinlink.rewards.rest;

import java.util.List;

import io.kinlink.rewards.rules.NewRuleVersion;
import io.kinlink.rewards.rules.RuleAdmin;
import io.kinlink.rewards.rules.RuleVersion;
import jakarta.annotation.security.RolesAllowed;
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

/** Operators manage the reward rules: every change is a new version with its effective window. */
@RolesAllowed("operator") // operators' views and controls; members and partners have their own
@Path("/api/rewards/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    private final RuleAdmin admin;

    public RuleResource(RuleAdmin admin) {
        this.admin = admin;
    }

    /** The latest version of each rule. */
    @GET
    public List<RuleVersion> latest() {
        return admin.latest();
    }

    @GET
    @Path("/{ruleId}")
    public List<RuleVersion> versions(@PathParam("ruleId") String ruleId) {
        return admin.versionsOf(ruleId);
    }

    @POST
    @Path("/{ruleId}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addVersion(@PathParam("ruleId") String ruleId, @Valid @NotNull NewRuleVersion request) {
        return Response.status(201).entity(admin.addVersion(ruleId, request)).build();
    }
}
