package io.kinlink.member.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kinlink.member.auth.OperatorAccounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Operators log in here; administrators add operators. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final OperatorAccounts operators;

    public AuthResource(OperatorAccounts operators) {
        this.operators = operators;
    }

    @POST
    @Path("/operator-token")
    public OperatorAccounts.AccessToken login(@Valid @NotNull Login login) {
        return operators.login(login.username(), login.password());
    }

    @POST
    @Path("/operators")
    @RolesAllowed("admin")
    public Response create(@Valid @NotNull NewOperator operator) {
        UUID id = operators.create(operator.username(), operator.password(), operator.roles());
        return Response.status(201).entity(Map.of("id", id, "username", operator.username(), "roles", operator.roles()))
                .build();
    }

    public record Login(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record NewOperator(@NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}") String username,
                              @NotBlank @Size(min = 12, max = 200) String password,
                              @NotEmpty List<@Pattern(regexp = "operator|admin") String> roles) {
    }
}
