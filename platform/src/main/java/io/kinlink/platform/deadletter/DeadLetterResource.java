package io.kinlink.platform.deadletter;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.kinlink.platform.input.Paging;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.QueryEnums;
import io.kinlink.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Operators' view of the events a service gave up on, at {@code /api/dead-letters/<service>}
 * (the gateway routes each service's name to it), and their replay after a fix.
 */
@Path("/api/dead-letters/{service}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final Caller caller;
    private final String service;

    public DeadLetterResource(DeadLetters deadLetters, DeadLetterReplay replay, Caller caller,
                              @ConfigProperty(name = "quarkus.application.name") String service) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.caller = caller;
        this.service = service;
    }

    /** Newest first; {@code status=WAITING} for what still needs a replay. */
    @GET
    public DeadLetterView.Page list(@PathParam("service") String service, @QueryParam("status") String status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        requireThisService(service);
        return deadLetters.list(Optional.ofNullable(status)
                .map(value -> QueryEnums.parse(DeadLetterStatus.class, "status", value)), page, size);
    }

    /** Replays one through its consumer's inbox; 409 when it was replayed before or fails again. */
    @POST
    @Path("/{id}/replay")
    public DeadLetterView replayOne(@PathParam("service") String service, @PathParam("id") UUID id) {
        requireThisService(service);
        return replay.replay(id, caller.subject());
    }

    /** Replays every waiting one (up to 100 a call), oldest first. */
    @POST
    @Path("/replay")
    public DeadLetterReplay.Outcome replayAll(@PathParam("service") String service) {
        requireThisService(service);
        return replay.replayAll(caller.subject());
    }

    private void requireThisService(String asked) {
        if (!service.equals(asked)) {
            throw new NotFoundProblem("not-found", "No dead letters of " + asked + " here");
        }
    }
}
