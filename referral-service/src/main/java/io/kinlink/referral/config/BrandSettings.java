package io.kinlink.referral.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The programme's own brand on the share page: the clinic group's name and pitch in Chinese and
 * English, and its colour. Kinlink's name appears nowhere unless the group chooses it.
 */
@ConfigMapping(prefix = "kinlink.brand")
public interface BrandSettings {

    /** The programme's name in Chinese, as the page title says it ("加入{name}"). */
    @WithDefault("我们的会员计划")
    @NotBlank
    @Size(max = 40)
    String nameZh();

    /** The programme's name in English ("Join {name}"). */
    @WithDefault("our membership")
    @NotBlank
    @Size(max = 60)
    String nameEn();

    /** A sentence under the title that tells the friend why to join, in Chinese; none by default. */
    Optional<@Size(max = 200) String> pitchZh();

    Optional<@Size(max = 300) String> pitchEn();

    /** The accent colour of buttons and highlights, as #rrggbb. */
    @WithDefault("#b5643f")
    @Pattern(regexp = "#[0-9a-fA-F]{6}")
    String colour();

    /**
     * The group's logo as a data URI (PNG, JPEG, WebP or SVG, base64), so the page carries it
     * itself: its Content-Security-Policy loads images from nowhere else. None by default.
     */
    Optional<@Size(max = 200_000) @Pattern(regexp = "data:image/(png|jpeg|webp|svg\\+xml);base64,[A-Za-z0-9+/]+=*",
            message = "must be a base64 data URI of a PNG, JPEG, WebP or SVG image") String> logo();

    /** The brand as a page in {@code lang} shows it. */
    default LandingBrand in(String lang) {
        boolean english = "en".equals(lang);
        return new LandingBrand(english ? nameEn() : nameZh(), (english ? pitchEn() : pitchZh()).orElse(null),
                colour(), logo().orElse(null));
    }

    /** What one page shows of the brand; {@code pitch} and {@code logo} are null when there is none. */
    record LandingBrand(String name, String pitch, String colour, String logo) {
    }
}
