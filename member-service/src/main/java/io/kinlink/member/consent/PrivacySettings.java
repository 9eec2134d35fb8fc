package io.kinlink.member.consent;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The first privacy notice (published as version 1 when none exists; operators publish the next
 * ones through the API) and how long a sign-up may still accept the version before the current one.
 */
@ConfigMapping(prefix = "kinlink.privacy")
public interface PrivacySettings {

    @WithDefault("我们收集您的姓名、手机号码、所属门店以及您在门店的消费、到店和评价记录，用于管理会员资格、推荐关系、积分与优惠券，"
            + "并在您同意时向您发送营销信息。您的手机号码加密存储，不会提供给第三方；您可随时查阅、更正或删除您的个人信息，"
            + "也可随时撤回营销同意。")
    String initialNoticeZh();

    @WithDefault("We collect your name, mobile number and home branch, and the purchases, visits and ratings you make at "
            + "our branches, to run your membership, referrals, points and coupons, and, if you agree, to send you "
            + "marketing. Your number is stored encrypted and never given to third parties; you may see, correct or "
            + "erase your personal data, and withdraw marketing consent, at any time.")
    String initialNoticeEn();

    Optional<String> initialNoticeUrl();

    /** A page opened before a new version was published may still accept the one it showed, for this long. */
    @WithDefault("PT24H")
    Duration previousVersionGrace();
}
