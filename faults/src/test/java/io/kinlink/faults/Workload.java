package io.kinlink.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * One seed's business, sent through the gateway while the faults run: a referral forest of
 * sign-ups with codes (at most four friends each, chains deeper than the three rewarded levels),
 * then waves of purchases, partial and full refunds, redemptions of points at tills, and coupons
 * issued by an operator and used at a till. Every step is chosen by the seed; what the platform acknowledged
 * is kept for the audit.
 */
final class Workload {

    static final List<String> BRANCHES = List.of("shanghai-jingan", "shanghai-xuhui", "shanghai-pudong",
            "beijing-chaoyang", "beijing");
    private static final int ROOTS = 4;
    private static final int FRIENDS = 16;
    private static final int MOST_FRIENDS_EACH = 4;
    private static final int PURCHASES_PER_WAVE = 12;
    /** Below the 10,000 CNY spend milestone, whose coupons depend on the order refunds arrive in. */
    private static final long MOST_SPEND_FEN = 900_000;

    /** The standing credentials of the suite: the administrator's login, a till's key for every branch, a coupon template. */
    record Credentials(String operator, String tillKey, String couponTemplate, int privacyNoticeVersion) {
    }

    private final Api api;
    private final Credentials credentials;
    private final long seed;
    private final Random random;
    private final Map<String, Long> spent = new HashMap<>();
    private final Acknowledged acknowledged = new Acknowledged();

    Workload(Api api, Credentials credentials, long seed) {
        this.api = api;
        this.credentials = credentials;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * Signs up the forest, then sends waves of purchases, refunds, redemptions and coupons until
     * {@code faultsOver} says the schedule has run its course (at least two waves), so every fault
     * strikes a platform at work.
     */
    Acknowledged run(BooleanSupplier faultsOver) {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<String> members = signUps(clients);
            for (int wave = 0; wave < 2 || !faultsOver.getAsBoolean(); wave++) {
                List<Acknowledged.Purchase> purchases = purchases(clients, members, wave);
                List<CompletableFuture<?>> rest = new ArrayList<>();
                rest.addAll(refunds(clients, purchases, wave));
                rest.addAll(redemptions(clients, purchases, wave));
                rest.addAll(coupons(clients, members, wave));
                rest.forEach(CompletableFuture::join);
            }
            return acknowledged;
        } finally {
            clients.shutdownNow();
        }
    }

    /** The forest: roots first, each friend once their referrer has a code; the member ids in sign-up order. */
    private List<String> signUps(ExecutorService clients) {
        List<CompletableFuture<String>> registered = new ArrayList<>();
        List<Integer> friendsOf = new ArrayList<>();
        for (int i = 0; i < ROOTS + FRIENDS; i++) {
            int index = i;
            if (i < ROOTS) {
                registered.add(CompletableFuture.supplyAsync(() -> register(index, null, null), clients));
            } else {
                int referrer;
                do {
                    referrer = random.nextInt(i);
                } while (friendsOf.get(referrer) >= MOST_FRIENDS_EACH);
                friendsOf.set(referrer, friendsOf.get(referrer) + 1);
                registered.add(registered.get(referrer).thenApplyAsync(
                        referrerId -> register(index, referrerId, codeOf(referrerId)), clients));
            }
            friendsOf.add(0);
        }
        return registered.stream().map(CompletableFuture::join).toList();
    }

    private String register(int index, String referrerId, String code) {
        String phone = String.format("13%05d%04d", seed % 100_000, index);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Fault " + seed + "-" + index, "phone", phone,
                "branch", BRANCHES.get(index % BRANCHES.size()), "marketingConsent", true,
                "privacyNoticeVersion", credentials.privacyNoticeVersion()));
        if (code != null) {
            body.put("referralCode", code);
        }
        Api.Answer answer = api.post("/api/members", null, body);
        String id;
        if (answer.status() == 409) {
            // an earlier try went through but its answer was lost: the number is ours
            id = expect(api.post("/api/members/lookup", credentials.operator(), Map.of("phone", phone)), 200).text("id");
        } else {
            id = expect(answer, 201).text("id");
        }
        acknowledged.members.put(id, new Acknowledged.Member(id, referrerId));
        return id;
    }

    /** The member's code, once the referral service has heard of them (it learns of members by event). */
    private String codeOf(String member) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = api.get("/api/members/" + member + "/referral-code", credentials.operator());
            if (answer.ok()) {
                return answer.text("code");
            }
            Api.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("No referral code for " + member + " within " + Api.PATIENCE);
    }

    private List<Acknowledged.Purchase> purchases(ExecutorService clients, List<String> members, int wave) {
        List<CompletableFuture<Acknowledged.Purchase>> recorded = new ArrayList<>();
        for (int i = 0; i < PURCHASES_PER_WAVE; i++) {
            String member = members.get(random.nextInt(members.size()));
            long amount = (50 + random.nextInt(1_451)) * 100L;
            if (spent.merge(member, amount, Long::sum) > MOST_SPEND_FEN) {
                spent.merge(member, -amount, Long::sum);
                continue;
            }
            Map<String, Object> body = Map.of("memberId", member, "externalTransactionId", "f" + seed + "-w" + wave + "-p" + i,
                    "amountFen", amount, "branch", BRANCHES.get(random.nextInt(BRANCHES.size())));
            recorded.add(CompletableFuture.supplyAsync(() -> {
                String id = expect(api.post("/api/purchases", credentials.tillKey(), body), 201, 200).text("id");
                Acknowledged.Purchase purchase = new Acknowledged.Purchase(id, member, amount);
                acknowledged.purchases.put(id, purchase);
                return purchase;
            }, clients));
        }
        return recorded.stream().map(CompletableFuture::join).toList();
    }

    /** A third of the purchases refunded: in full, in part, or in two parts that together may make it whole. */
    private List<CompletableFuture<?>> refunds(ExecutorService clients, List<Acknowledged.Purchase> purchases, int wave) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < purchases.size(); i += 3) {
            Acknowledged.Purchase purchase = purchases.get(i);
            long amount = purchase.amountFen();
            List<Long> parts = switch (random.nextInt(3)) {
                case 0 -> List.of(amount);
                case 1 -> List.of(1 + random.nextLong(amount - 1));
                default -> {
                    long first = 1 + random.nextLong(amount - 1);
                    yield List.of(first, 1 + random.nextLong(amount - first));
                }
            };
            String refundKey = "f" + seed + "-w" + wave + "-r" + i;
            sent.add(CompletableFuture.runAsync(() -> {
                for (int part = 0; part < parts.size(); part++) {
                    Map<String, Object> body = Map.of("purchaseId", purchase.id(), "externalRefundId",
                            refundKey + "-" + part, "amountFen", parts.get(part), "reason", "fault suite");
                    String id = expect(api.post("/api/refunds", credentials.tillKey(), body), 201, 200).text("id");
                    acknowledged.refunds.add(new Acknowledged.Refund(id, purchase.id(), parts.get(part)));
                }
            }, clients));
        }
        return sent;
    }

    /**
     * Points paid at a till by buyers, about half of what their purchase earned them: refused
     * (422) when the points are not there yet, or were clawed back by a refund; that is an answer too.
     */
    private List<CompletableFuture<?>> redemptions(ExecutorService clients, List<Acknowledged.Purchase> purchases,
                                                   int wave) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 1; i < purchases.size(); i += 5) {
            Acknowledged.Purchase purchase = purchases.get(i);
            long points = Math.max(1, purchase.amountFen() / 200);
            String till = "f" + seed + "-w" + wave + "-x" + i;
            Map<String, Object> body = Map.of("points", points, "externalTransactionId", till, "branch",
                    BRANCHES.get(random.nextInt(BRANCHES.size())));
            sent.add(CompletableFuture.runAsync(() -> {
                Api.Answer answer = expect(api.post("/api/members/" + purchase.memberId() + "/rewards/redemptions",
                        credentials.tillKey(), body), 201, 200, 422);
                if (answer.ok()) {
                    acknowledged.redemptions.add(new Acknowledged.Redemption(purchase.memberId(), till, points));
                }
            }, clients));
        }
        return sent;
    }

    /** Two coupons an operator gives; the first is used at a till right away. */
    private List<CompletableFuture<?>> coupons(ExecutorService clients, List<String> members, int wave) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String member = members.get(random.nextInt(members.size()));
            String request = "f" + seed + "-w" + wave + "-c" + i;
            boolean use = i == 0;
            String branch = BRANCHES.get(random.nextInt(BRANCHES.size()));
            sent.add(CompletableFuture.runAsync(() -> {
                String coupon = issue(member, request);
                String till = null;
                if (use) {
                    till = request + "-till";
                    expect(api.post("/api/members/" + member + "/rewards/coupons/" + coupon + "/redemptions",
                            credentials.tillKey(), Map.of("externalTransactionId", till, "orderAmountFen", 100_000,
                                    "branch", branch)), 201, 200);
                }
                acknowledged.coupons.add(new Acknowledged.Coupon(coupon, member, request, till));
            }, clients));
        }
        return sent;
    }

    /** Issues once the rewards service knows the member (404 until their registration event reaches it). */
    private String issue(String member, String request) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = api.post("/api/members/" + member + "/rewards/coupons", credentials.operator(),
                    Map.of("templateId", credentials.couponTemplate(), "requestId", request, "reason", "fault suite"));
            if (answer.status() != 404) {
                return expect(answer, 201, 200).text("id");
            }
            Api.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("The rewards service never heard of member " + member);
    }

    private static Api.Answer expect(Api.Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException("Unexpected answer " + answer.status() + ": " + answer.body());
    }
}
