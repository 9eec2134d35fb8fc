package io.kinlink.gateway;

import java.util.concurrent.TimeUnit;

import io.kinlink.edge.HttpRefusals;
import io.kinlink.edge.telemetry.RouteTemplates;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The one front door: every request gets an id, security headers and CORS; public paths are
 * rate-limited and go to the service that owns them; everything else that is not the gateway's
 * own (health under /q) is a 404 problem.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** The console's pages: scripts, styles and data only from here, nothing inline, nothing may frame them. */
    static final String CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final GatewaySettings settings;
    private final Vertx vertx;
    private final MeterRegistry registry;

    public GatewayRoutes(GatewaySettings settings, Vertx vertx, MeterRegistry registry) {
        this.settings = settings;
        this.vertx = vertx;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        var client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        RateLimiter limiter = new RateLimiter(System::nanoTime);
        Callers callers = new Callers(settings.authPublicKey());
        ForwardedIdentity identity = new ForwardedIdentity(settings.signingKey(), registry);
        SharedRateLimits sharedLimits = new SharedRateLimits(client, settings, identity, limiter, System::nanoTime,
                registry);
        ServiceProxy proxy = new ServiceProxy(client, settings, identity, callers, sharedLimits,
                new UpstreamCalls(registry), registry);
        router.get("/openapi.json").handler(new OpenApiDocument(client, settings)::serve);
        router.get("/asyncapi.json").handler(AsyncApiDocument.load()::serve);
        vertx.setPeriodic(60_000, tick -> limiter.evictIdle(TimeUnit.MINUTES.toNanos(10)));
        FrontDoor frontDoor = new FrontDoor(settings, limiter, sharedLimits);
        // every request's span (the extension's; a new trace, CallerTraceIgnored) is named by its route and
        // linked to the caller's own trace, if it sent one
        router.route().order(-110).handler(ctx -> {
            RouteTemplates.name(ctx, routeOf(ctx.request().path()));
            CallerTraceIgnored.linkCallersTrace(ctx.request().headers());
            ctx.next();
        });
        router.route().order(-100)
                .handler(RequestIds::assign)
                .handler(frontDoor::securityHeaders)
                .handler(frontDoor::requestLimits)
                .handler(frontDoor::cors);
        // what the HTTP layer refuses before any route runs (bad percent-encoding, a bad request line)
        HttpRefusals.STATUSES.forEach(status -> router.errorHandler(status, ctx -> HttpRefusals.send(ctx, status)));
        // limited before the body is read: a client over its limit costs no more than its headers
        router.routeWithRegex("/(api|r)(/.*)?").order(-50).handler(frontDoor::rateLimit);
        installConsole(router, new ConsoleSession(proxy, callers, client, settings, identity), frontDoor);
        // the one answer put together from two services; before the routes that forward one request to one service
        router.get(KpiComposition.PATH).handler(new KpiComposition(proxy, callers)::serve)
                .failureHandler(GatewayRoutes::failed);
        router.routeWithRegex("/(api|r)(/.*)?")
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .handler(proxy::forward)
                .failureHandler(GatewayRoutes::failed);
        router.route().last()
                .handler(RequestIds::assign)
                .handler(ctx -> Problems.send(ctx, 404, "not-found", "Not found", "No resource at " + ctx.request().path()));
    }

    /**
     * The operators' console: its login (the cookie; limited like every login), its pages and the
     * chart library it draws with, served from here under a policy without inline scripts.
     */
    private void installConsole(Router router, ConsoleSession session, FrontDoor frontDoor) {
        router.post(ConsoleSession.PATH).order(-50).handler(frontDoor::rateLimit);
        // after the limits, before any API route: a console token near its end is renewed first
        router.routeWithRegex("/api(/.*)?").order(-40).handler(session::renewIfDue);
        router.post(ConsoleSession.PATH).handler(BodyHandler.create(false).setBodyLimit(4_096)).handler(session::logIn)
                .failureHandler(GatewayRoutes::failed);
        router.get(ConsoleSession.PATH).handler(session::current);
        router.delete(ConsoleSession.PATH).handler(session::logOut);
        router.getWithRegex("/console").handler(ctx -> ctx.redirect("/console/"));
        router.get("/console/*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", CONSOLE_CSP);
            ctx.next();
        });
        router.get("/console/vendor/echarts/*")
                .handler(StaticHandler.create("META-INF/resources/webjars/echarts").setDefaultContentEncoding("UTF-8"));
        router.get("/console/*").handler(StaticHandler.create("console").setDefaultContentEncoding("UTF-8"));
    }

    /** A request's route for metrics and traces: its template, never a raw path with ids in it. */
    static String routeOf(String path) {
        if (CallerPaths.isMine(path)) {
            return "/api/me/**";
        }
        if (path.equals("/openapi.json") || path.equals("/asyncapi.json") || path.equals(KpiComposition.PATH)
                || path.equals(ConsoleSession.PATH)) {
            return path;
        }
        if (path.equals("/console") || path.startsWith("/console/")) {
            return "/console/**";
        }
        return RouteTable.routeFor(path).map(RouteTable.Match::route).orElse("unmatched");
    }

    private static void failed(RoutingContext ctx) {
        RequestIds.ensure(ctx);
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status == 413) {
            Problems.send(ctx, 413, "request-too-large", "Request too large", "The request body is too large");
        } else {
            Problems.send(ctx, status, "gateway-error", "Gateway error", "The request could not be forwarded");
        }
    }
}
