package io.kinlink.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.kinlink.edge.HttpRefusals;
import io.kinlink.platform.DatabaseOutage;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns every failure into {@code application/problem+json}. Nothing of the exception itself
 * (class names, stack traces, SQL) reaches the client; unexpected failures are logged with the
 * request id the client sees, so support can find them.
 */
public class ProblemMappers {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers) {
        Response response = respond(new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(),
                uri.getPath(), requestId(headers), e.errors()));
        e.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }

    /** Roles checked by {@code @RolesAllowed}: the caller is known but may not do this. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "This kind of caller may not do this", uri.getPath(), requestId(headers), List.of()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(new Problem(Problem.type("validation-failed"), "Invalid request", 400,
                "The request has invalid fields", uri.getPath(), requestId(headers), errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors.add(new Problem.FieldError(jsonPath(mapping), reasonOf(mapping)));
        } else if (e instanceof StreamReadException syntax && syntax.getProcessor() != null
                && syntax.getProcessor().getParsingContext() != null
                && syntax.getProcessor().getParsingContext().getCurrentName() != null) {
            // a key given twice, or a syntax error inside a value: name where the parser stood
            errors.add(new Problem.FieldError(syntax.getProcessor().getParsingContext().pathAsPointer().toString()
                    .substring(1).replace('/', '.'), syntax.getOriginalMessage()));
        }
        return respond(new Problem(Problem.type("malformed-request"), "Malformed request", 400,
                "The request body is not valid JSON of the expected shape", uri.getPath(), requestId(headers),
                errors));
    }

    /** More specific than the JSON mapper Quarkus brings, which would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    /** Also a client's error here: Jackson reports a creator property given twice as a definition problem. */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unparsable(StreamReadException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody, uri, headers);
        }
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uri, headers);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "No resource at " + uri.getPath() : reason;
        return respond(new Problem(Problem.type(HttpRefusals.slugOf(reason)), reason, status, detail, uri.getPath(),
                requestId(headers), List.of()));
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String requestId = requestId(headers);
        if (DatabaseOutage.causedBy(e)) {
            // not a bug and not the caller's fault: the database is restarting or failing over; retrying will do
            LOG.warnf("Database unreachable on %s (request %s): %s", uri.getPath(), requestId, e.getMessage());
            Response response = respond(new Problem(Problem.type("service-unavailable"), "Service unavailable", 503,
                    "The service cannot reach its database at the moment; try again shortly", uri.getPath(), requestId,
                    List.of()));
            response.getHeaders().putSingle("Retry-After", "5");
            return response;
        }
        LOG.errorf(e, "Unexpected failure on %s (request %s)", uri.getPath(), requestId);
        return respond(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "Something went wrong on our side; quote the request id when reporting it", uri.getPath(),
                requestId, List.of()));
    }

    private static Response respond(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.requestId() != null) {
            builder.header(REQUEST_ID, problem.requestId());
        }
        return builder.build();
    }

    private static String requestId(HttpHeaders headers) {
        return headers.getHeaderString(REQUEST_ID);
    }

    /** The bean property path without the method and parameter names: {@code items[0].amountFen}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> { }
                default -> {
                    if (node.getIndex() != null && !field.isEmpty()) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        if (field.isEmpty() && parameter != null && isPlainValue(violation.getInvalidValue())) {
            return parameter; // a query or path parameter, such as page
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof Number || value instanceof CharSequence || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Our own refusals of text say why; for the rest, the type or format is wrong. */
    private static String reasonOf(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return format.getOriginalMessage();
        }
        return "has the wrong type or format";
    }

}
