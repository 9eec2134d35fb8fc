package io.kinlink.rewards.rest;

import java.time.YearMonth;
import java.util.Optional;

import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.input.BusinessTimeWindow;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.rewards.audit.AuditExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The compliance audit export of a month and branch, for operators to hand to an auditor or a
 * regulator: {@code format=json} (summary and rows) or {@code format=csv} (the rows, with the
 * summary's final hash in the {@code X-Audit-Final-Hash} header).
 */
@Path("/api/rewards/audit")
@RolesAllowed("operator")
public class AuditResource {

    private final AuditExport export;
    private final BusinessTimeWindow window;
    private final BranchCopies branches;

    public AuditResource(AuditExport export, BusinessTimeWindow window, BranchCopies branches) {
        this.branches = branches;
        this.export = export;
        this.window = window;
    }

    @GET
    public Response audit(@QueryParam("period") String period, @QueryParam("branch") @Size(max = 100) String branch,
                          @QueryParam("format") @DefaultValue("json") String format) {
        if (period == null) {
            throw new InvalidRequestProblem("period", "must be a month such as 2026-11");
        }
        YearMonth month = window.month("period", period);
        Optional<String> onlyBranch = Optional.ofNullable(branch).filter(value -> !value.isBlank());
        onlyBranch.ifPresent(id -> branches.requireKnown("branch", id));
        AuditExport.Audit audit = export.of(month, onlyBranch);
        String name = "kinlink-audit-" + month + (branch == null ? "" : "-" + branch.replaceAll("[^A-Za-z0-9-]", ""));
        return switch (format) {
            case "json" -> Response.ok(audit, MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").build();
            case "csv" -> Response.ok(audit.csv(), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .header("X-Audit-Final-Hash", audit.summary().finalHash())
                    .header("X-Audit-Format", audit.summary().csvFormat()).build();
            default -> throw new InvalidRequestProblem("format", "must be json or csv");
        };
    }
}
