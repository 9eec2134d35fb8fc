package io.kinlink.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/kpis}: the programme's five KPIs in one answer. Each service computes those its
 * own data answers (referral: rate, conversion, retention; rewards: incentive share, acquisition
 * cost); the gateway asks both as the caller, with the same query, and puts each month's KPIs side
 * by side. Who may see them is the services' decision: a refusal of either is the caller's answer.
 */
final class KpiComposition {

    static final String PATH = "/api/kpis";

    /** A service's share of the KPIs and where it answers them. */
    private record Part(String service, String path) {
    }

    private static final List<Part> PARTS = List.of(new Part("referral", "/api/referrals/kpis"),
            new Part("rewards", "/api/rewards/kpis"));

    private final ServiceProxy proxy;
    private final Callers callers;

    KpiComposition(ServiceProxy proxy, Callers callers) {
        this.proxy = proxy;
        this.callers = callers;
    }

    void serve(RoutingContext ctx) {
        if (PartnerKeyCheck.presented(ctx.request()) != null) {
            // a live key is a partner, who may not see the KPIs; a revoked or unknown one is nobody (401, as everywhere)
            proxy.partnerOf(ctx).onSuccess(partner -> Problems.send(ctx, 403, "forbidden", "Forbidden",
                    "The programme's KPIs are for operators"));
            return;
        }
        Callers.VerifiedCaller caller;
        try {
            caller = callers.of(ConsoleSession.authorizationOf(ctx));
        } catch (Callers.RefusedCredentials refused) {
            ServiceProxy.unauthenticated(ctx, refused.getMessage());
            return;
        }
        if (caller.isAnonymous()) {
            ServiceProxy.unauthenticated(ctx, "Log in as an operator to see the KPIs");
            return;
        }
        String query = ctx.request().query();
        List<Future<UpstreamAnswers.Answer>> answers = PARTS.stream()
                .map(part -> proxy.send(ctx, caller, part.service(), part.path(),
                        query == null ? part.path() : part.path() + "?" + query, null))
                .toList();
        Future.join(answers).onComplete(done -> {
            for (int i = 0; i < PARTS.size(); i++) {
                Future<UpstreamAnswers.Answer> answer = answers.get(i);
                if (answer.failed()) {
                    UpstreamAnswers.unreachable(ctx, PARTS.get(i).service(), answer.cause());
                    return;
                }
                if (answer.result().response().statusCode() != 200) {
                    UpstreamAnswers.relay(ctx, answer.result());
                    return;
                }
            }
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(merge(answers.stream().map(answer -> answer.result().payload().toJsonObject()).toList())
                            .encode());
        });
    }

    /** The services' reports as one: per month (in the first report's order), every service's KPIs. */
    static JsonObject merge(List<JsonObject> reports) {
        Map<String, JsonArray> kpisByMonth = new LinkedHashMap<>();
        for (JsonObject report : reports) {
            for (Object month : report.getJsonArray("months")) {
                JsonObject entry = (JsonObject) month;
                kpisByMonth.computeIfAbsent(entry.getString("period"), period -> new JsonArray())
                        .addAll(entry.getJsonArray("kpis"));
            }
        }
        JsonArray months = new JsonArray();
        kpisByMonth.forEach((period, kpis) -> months.add(new JsonObject().put("period", period).put("kpis", kpis)));
        return new JsonObject().put("branch", reports.get(0).getValue("branch")).put("months", months);
    }
}
