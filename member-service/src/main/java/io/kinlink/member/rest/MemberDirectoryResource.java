package io.kinlink.member.rest;

import java.time.Instant;
import java.util.Optional;

import io.kinlink.member.Tier;
import io.kinlink.member.directory.Behaviour;
import io.kinlink.member.directory.DirectoryCsv;
import io.kinlink.member.directory.DirectoryPage;
import io.kinlink.member.directory.MemberDirectory;
import io.kinlink.member.directory.MemberFilter;
import io.kinlink.member.directory.ValueSegment;
import io.kinlink.platform.input.BusinessTime;
import io.kinlink.platform.input.Paging;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.QueryEnums;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The operators' member list, as JSON pages or as a CSV export of every match. */
@RolesAllowed("operator") // operators' views and controls; members and partners have their own
@Path("/api/members")
public class MemberDirectoryResource {

    private static final int CSV_LIMIT = 10_000;

    private final MemberDirectory directory;

    public MemberDirectoryResource(MemberDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DirectoryPage list(@QueryParam("tier") String tier, @QueryParam("branch") String branch,
                              @QueryParam("needsTag") String needsTag,
                              @QueryParam("valueSegment") String valueSegment,
                              @QueryParam("behaviour") String behaviour,
                              @QueryParam("lastVisitBefore") @BusinessTime(planned = true) Instant lastVisitBefore,
                              @QueryParam("lastVisitAfter") @BusinessTime(planned = true) Instant lastVisitAfter,
                              @QueryParam("minYearSpendFen") @Min(0) Long minYearSpendFen,
                              @QueryParam("sort") @DefaultValue("registered,desc") String sort,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        MemberFilter filter = filter(tier, branch, needsTag, valueSegment, behaviour, lastVisitBefore, lastVisitAfter,
                minYearSpendFen);
        String[] sortParts = sortParts(sort);
        return directory.find(filter, sortParts[0], sortParts[1].equals("desc"), page, size);
    }

    @GET
    @Produces("text/csv;qs=0.5") // JSON unless the caller asks for CSV
    public Response export(@QueryParam("tier") String tier, @QueryParam("branch") String branch,
                           @QueryParam("needsTag") String needsTag,
                           @QueryParam("valueSegment") String valueSegment,
                           @QueryParam("behaviour") String behaviour,
                           @QueryParam("lastVisitBefore") @BusinessTime(planned = true) Instant lastVisitBefore,
                           @QueryParam("lastVisitAfter") @BusinessTime(planned = true) Instant lastVisitAfter,
                           @QueryParam("minYearSpendFen") @Min(0) Long minYearSpendFen,
                           @QueryParam("sort") @DefaultValue("registered,desc") String sort) {
        String[] sortParts = sortParts(sort);
        DirectoryPage all = directory.find(filter(tier, branch, needsTag, valueSegment, behaviour, lastVisitBefore,
                lastVisitAfter, minYearSpendFen), sortParts[0], sortParts[1].equals("desc"), 0, CSV_LIMIT);
        return Response.ok(DirectoryCsv.of(all.items()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"")
                .header("X-Total-Count", all.total())
                .build();
    }

    /** Unknown tiers, segments and behaviours are a 400 naming the parameter (bound as enums they would be 404). */
    private static MemberFilter filter(String tier, String branch, String needsTag, String valueSegment,
                                       String behaviour, Instant lastVisitBefore, Instant lastVisitAfter,
                                       Long minYearSpendFen) {
        return new MemberFilter(Optional.ofNullable(tier).map(value -> QueryEnums.parse(Tier.class, "tier", value)),
                Optional.ofNullable(branch), Optional.ofNullable(needsTag),
                Optional.ofNullable(valueSegment).map(value -> QueryEnums.parse(ValueSegment.class, "valueSegment", value)),
                Optional.ofNullable(behaviour).map(value -> QueryEnums.parse(Behaviour.class, "behaviour", value)),
                Optional.ofNullable(lastVisitBefore), Optional.ofNullable(lastVisitAfter),
                Optional.ofNullable(minYearSpendFen));
    }

    /** {@code key,asc} or {@code key,desc} with a key from {@link MemberDirectory#SORTS}. */
    private static String[] sortParts(String sort) {
        String[] parts = sort.split(",", 2);
        String direction = parts.length > 1 ? parts[1] : "asc";
        if (!MemberDirectory.SORTS.containsKey(parts[0]) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidRequestProblem("sort", "must be one of " + MemberDirectory.SORTS.keySet()
                    + " followed by ,asc or ,desc");
        }
        return new String[] {parts[0], direction};
    }
}
