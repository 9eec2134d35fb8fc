package io.kinlink.member.rest;

import io.kinlink.member.auth.LoginCodes;
import io.kinlink.member.auth.MemberSessions;
import io.kinlink.member.auth.TokenIssuer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Members log in with their phone: ask for a code, trade it for tokens, refresh, log out. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberLoginResource {

    private final LoginCodes codes;
    private final MemberSessions sessions;

    public MemberLoginResource(LoginCodes codes, MemberSessions sessions) {
        this.codes = codes;
        this.sessions = sessions;
    }

    /** 202 whether or not the number is a member's (a text goes only to members); 429 when asked too often. */
    @POST
    @Path("/member-code")
    public Response requestCode(@Valid @NotNull CodeRequest request,
                                @HeaderParam("X-Forwarded-For") String clientAddress) {
        return Response.accepted(codes.request(request.phone(), clientAddress == null ? "unknown" : clientAddress))
                .build();
    }

    /** An access token and a refresh token for the right code; 401 for a wrong, expired or spent one. */
    @POST
    @Path("/member-token")
    public TokenIssuer.Tokens login(@Valid @NotNull CodeLogin login) {
        return sessions.start(codes.redeem(login.phone(), login.code()));
    }

    /** A new pair for a refresh token, which is then spent. */
    @POST
    @Path("/refresh")
    public TokenIssuer.Tokens refresh(@Valid @NotNull RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    public Response logout(@Valid @NotNull RefreshRequest request) {
        sessions.logout(request.refreshToken());
        return Response.noContent().build();
    }

    public record CodeRequest(@NotBlank @Size(max = 32) String phone) {
    }

    public record CodeLogin(@NotBlank @Size(max = 32) String phone,
                            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6 digits sent") String code) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {
    }
}
