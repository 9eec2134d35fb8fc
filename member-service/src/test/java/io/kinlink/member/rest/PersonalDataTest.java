package io.kinlink.member.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Phone numbers never show in logs and are never readable in the database. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class PersonalDataTest {

    @Test
    void a_full_registration_to_purchase_flow_logs_no_phone_number_and_stores_none_readable() {
        String phone = TestMembers.uniqueMainlandPhone();
        String member;
        List<String> logged;
        try (io.kinlink.member.CapturedLogs logs = new io.kinlink.member.CapturedLogs()) {
            member = TestMembers.register(phone);
            // the error paths log too: a duplicate registration and a malformed one
            given().contentType(ContentType.JSON).body(Map.of("name", "Again", "phone", "+86" + phone,
                    "branch", "shanghai-jingan", "marketingConsent", true, "privacyNoticeVersion", 1)).when().post("/api/members").then().statusCode(409);
            given().contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",")
                    .when().post("/api/members").then().statusCode(400);
            given().get("/api/members/" + member).then().statusCode(200);
            String purchase = given().contentType(ContentType.JSON).body(Map.of("memberId", member,
                            "externalTransactionId", "till-" + UUID.randomUUID(), "amountFen", 88_800,
                            "branch", "shanghai-jingan"))
                    .when().post("/api/purchases").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("purchaseId", purchase,
                    "externalRefundId", "refund-" + UUID.randomUUID(), "amountFen", 800))
                    .when().post("/api/refunds").then().statusCode(201);
            org.jboss.logging.Logger.getLogger("io.kinlink.member").info("capture-canary");
            logged = List.copyOf(logs.lines);
        }
        assertEquals(1, logged.stream().filter(line -> line.contains("capture-canary")).count(),
                "the capture sees what the service logs");
        String lastEight = phone.substring(3);
        assertEquals(List.of(), logged.stream().filter(line -> line.contains(lastEight)).toList(),
                "no log line carries the phone number");

        String memberRow = QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select m::text from member m where id = cast(?1 as uuid)")
                .setParameter(1, member).getSingleResult());
        assertFalse(memberRow.contains(lastEight), "the member row holds no readable phone number");
        List<?> outboxRows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select payload from outbox_event where event_key = ?1 and payload like ?2")
                .setParameter(1, member).setParameter(2, "%" + lastEight + "%").getResultList());
        assertEquals(List.of(), outboxRows, "no event carries the phone number");
    }
}
