package io.kinlink.member.rest;

import java.net.URI;
import java.util.List;

import io.kinlink.member.branch.Branch;
import io.kinlink.member.branch.BranchDetails;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.branch.InitialBranches;
import io.kinlink.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The branch directory: anyone lists the branches with their names (an app's sign-up form, a
 * till's set-up); operators add and change them, and see who changed them last.
 */
@Path("/api/branches")
@Produces(MediaType.APPLICATION_JSON)
public class BranchResource {

    private static final String BRANCH_ID = "must be 1 to 64 letters, digits, - or _, starting with a letter or digit";

    private final Branches branches;
    private final Caller caller;

    public BranchResource(Branches branches, Caller caller) {
        this.branches = branches;
        this.caller = caller;
    }

    /** Open branches by city; {@code includeClosed=true} lists the closed ones too. */
    @GET
    @PermitAll
    public List<Listed> list(@QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed) {
        return branches.list(includeClosed).stream().map(Listed::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("operator")
    public Branch get(@PathParam("id") @Pattern(regexp = InitialBranches.ID, message = BRANCH_ID) String id) {
        return branches.get(id);
    }

    /** Adds the branch (201) or changes it (200); closing it is {@code "active": false}. */
    @PUT
    @Path("/{id}")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") @Pattern(regexp = InitialBranches.ID, message = BRANCH_ID) String id,
                         @Valid @NotNull Details details) {
        Branches.Saved saved = branches.save(id, details.toDetails(), caller.who());
        return saved.created()
                ? Response.created(URI.create("/api/branches/" + id)).entity(saved.branch()).build()
                : Response.ok(saved.branch()).build();
    }

    /**
     * @param active true when left out
     */
    public record Details(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 100) String nameEn,
                          @Size(max = 50) String city, @Size(max = 300) String address, Boolean active) {

        BranchDetails toDetails() {
            return new BranchDetails(nameZh.strip(), nameEn.strip(), blankAsNull(city), blankAsNull(address),
                    active == null || active);
        }

        private static String blankAsNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** A branch as everyone sees it. */
    public record Listed(String id, String nameZh, String nameEn, String city, String address, boolean active) {

        static Listed of(Branch branch) {
            return new Listed(branch.id(), branch.nameZh(), branch.nameEn(), branch.city(), branch.address(),
                    branch.active());
        }
    }
}
