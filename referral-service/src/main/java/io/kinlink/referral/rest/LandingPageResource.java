package io.kinlink.referral.rest;

import java.util.regex.Pattern;

import io.kinlink.referral.config.BrandSettings;
import io.kinlink.referral.landing.LandingCopy;
import io.kinlink.referral.landing.LandingPage;
import io.kinlink.referral.landing.LandingPages;
import io.kinlink.referral.landing.PrivacyNoticeCopies;
import io.kinlink.referral.landing.WelcomeGiftCopies;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The page a share link opens: who invited you, and a registration form with their code filled in. */
@Path("/r/{code}")
public class LandingPageResource {

    private static final Pattern CAMPAIGN = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final LandingPages pages;
    private final Template landing;
    private final BrandSettings brand;
    private final PrivacyNoticeCopies notices;
    private final WelcomeGiftCopies gifts;

    public LandingPageResource(LandingPages pages, Template landing, BrandSettings brand, PrivacyNoticeCopies notices,
                               WelcomeGiftCopies gifts) {
        this.gifts = gifts;
        this.pages = pages;
        this.landing = landing;
        this.brand = brand;
        this.notices = notices;
    }

    /** An unknown code is a friendly 404 page that still lets the visitor join; never an error dump. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("code") String code, @QueryParam("c") String campaign,
                         @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage,
                         @HeaderParam("User-Agent") String userAgent, @HeaderParam("X-Forwarded-For") String forwardedFor,
                         @Context HttpServerRequest request) {
        String validCampaign = campaign != null && CAMPAIGN.matcher(campaign).matches() ? campaign : null;
        LandingCopy copy = LandingCopy.choose(lang, acceptLanguage);
        LandingPage page = pages.open(code, validCampaign, clientAddress(forwardedFor, request), userAgent,
                copy.lang());
        String html = landing.data("page", page)
                .data("t", copy)
                .data("brand", brand.in(copy.lang()))
                .data("notice", notices.latest(copy.lang()).orElse(null))
                .data("gift", gifts.inForce().orElse(null))
                .data("campaign", validCampaign)
                .render();
        return Response.status(page.known() ? 200 : 404)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(html)
                .build();
    }

    /** The gateway names the client in X-Forwarded-For; reached directly, the peer is the client. */
    private static String clientAddress(String forwardedFor, HttpServerRequest request) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            return forwardedFor.split(",", 2)[0].strip();
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
