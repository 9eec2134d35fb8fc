package io.kinlink.member.rest;

import java.net.URI;
import java.util.List;

import io.kinlink.member.consent.PrivacyNotice;
import io.kinlink.member.consent.PrivacyNotices;
import io.kinlink.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The privacy notice members accept: anyone reads the one in force; operators publish the next version. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/api")
public class PrivacyNoticeResource {

    private final PrivacyNotices notices;
    private final Caller caller;

    public PrivacyNoticeResource(PrivacyNotices notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    /** What a sign-up form shows; its {@code version} is what the registration sends back. */
    @GET
    @Path("/privacy-notice")
    @PermitAll
    public PrivacyNotice current() {
        return notices.current();
    }

    @GET
    @Path("/privacy-notices")
    @RolesAllowed("operator")
    public List<PrivacyNotice> history() {
        return notices.history();
    }

    /** 201 with the new version; sign-ups showing the previous one are accepted for a grace period. */
    @POST
    @Path("/privacy-notices")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@Valid @NotNull NewNotice notice) {
        PrivacyNotice published = notices.publish(notice.textZh().strip(), notice.textEn().strip(), notice.url(),
                caller.who());
        return Response.created(URI.create("/api/privacy-notice")).entity(published).build();
    }

    public record NewNotice(@NotBlank @Size(max = 20_000) String textZh, @NotBlank @Size(max = 20_000) String textEn,
                            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String url) {
    }
}
