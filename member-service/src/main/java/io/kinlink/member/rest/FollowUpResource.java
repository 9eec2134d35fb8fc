package io.kinlink.member.rest;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.followup.FollowUpOutcome;
import io.kinlink.member.followup.FollowUpStatus;
import io.kinlink.member.followup.FollowUpView;
import io.kinlink.member.followup.FollowUps;
import io.kinlink.platform.input.Paging;
import io.kinlink.platform.problem.QueryEnums;
import io.kinlink.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The follow-up calls (回访) staff owe, by branch, and their outcomes. */
@Path("/api/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class FollowUpResource {

    private final FollowUps followUps;
    private final Caller caller;

    public FollowUpResource(FollowUps followUps, Caller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    /** The soonest due first; {@code status=OPEN&overdue=true} for what is late. */
    @GET
    public FollowUpView.Page list(@QueryParam("branch") @Size(max = 100) String branch,
                                  @QueryParam("status") String status,
                                  @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return followUps.list(Optional.ofNullable(branch),
                Optional.ofNullable(status).map(value -> QueryEnums.parse(FollowUpStatus.class, "status", value).name()),
                overdue, page, size);
    }

    /** Staff record how the call went; 409 when it was closed before. */
    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public FollowUpView close(@PathParam("id") UUID id, @Valid @NotNull Closing closing) {
        return followUps.close(id, closing.outcome(), closing.note(), caller.who());
    }

    public record Closing(@NotNull FollowUpOutcome outcome, @Size(max = 500) String note) {
    }
}
