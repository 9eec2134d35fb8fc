package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class KpiCompositionTest {

    @Test
    void each_months_kpis_of_both_services_stand_side_by_side_in_the_first_reports_order() {
        JsonObject referral = new JsonObject("""
                {"branch":"shanghai-jingan","months":[
                  {"period":"2026-10","kpis":[{"id":"REFERRAL_RATE"}]},
                  {"period":"2026-11","kpis":[{"id":"REFERRAL_RATE"},{"id":"REFERRAL_CONVERSION"}]}]}""");
        JsonObject rewards = new JsonObject("""
                {"branch":"shanghai-jingan","months":[
                  {"period":"2026-10","kpis":[{"id":"INCENTIVE_SHARE"}]},
                  {"period":"2026-11","kpis":[{"id":"INCENTIVE_SHARE"}]}]}""");

        JsonObject merged = KpiComposition.merge(List.of(referral, rewards));

        assertEquals(new JsonObject("""
                {"branch":"shanghai-jingan","months":[
                  {"period":"2026-10","kpis":[{"id":"REFERRAL_RATE"},{"id":"INCENTIVE_SHARE"}]},
                  {"period":"2026-11","kpis":[{"id":"REFERRAL_RATE"},{"id":"REFERRAL_CONVERSION"},
                                              {"id":"INCENTIVE_SHARE"}]}]}"""), merged);
    }
}
