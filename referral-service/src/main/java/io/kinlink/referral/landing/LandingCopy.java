package io.kinlink.referral.landing;

import java.util.List;
import java.util.Locale;

/** The landing page's words, in Chinese (the default) and English. */
public record LandingCopy(
        String lang,
        String title,
        String invitedBy,
        String noInvite,
        String unknownCode,
        String name,
        String phone,
        String phoneHint,
        String branch,
        String code,
        String consent,
        String submit,
        String welcome,
        String welcomeNext,
        String failed,
        String otherLanguage,
        String otherLanguageTag) {

    static final LandingCopy ZH = new LandingCopy("zh", "加入{brand}", "{inviter} 邀请您加入",
            "欢迎加入会员", "这个邀请链接无效或已失效，您仍可直接注册。", "姓名", "手机号", "例如 13812345678",
            "门店", "邀请码", "我同意接收会员优惠信息", "立即注册", "注册成功，欢迎加入！",
            "到店时出示手机号即可享受会员权益。", "注册未成功，请检查后重试。", "English", "en");

    static final LandingCopy EN = new LandingCopy("en", "Join {brand}", "{inviter} invited you",
            "Welcome to the membership", "This invitation link is not valid any more; you can still join.",
            "Name", "Mobile number", "e.g. 13812345678", "Branch", "Invitation code",
            "Send me member offers", "Join now", "You are in. Welcome!",
            "Give your mobile number at the front desk to use your membership.",
            "That did not work; please check and try again.", "中文", "zh");

    /** {@code lang} when it names a language we have, else the best match of Accept-Language, else Chinese. */
    public static LandingCopy choose(String lang, String acceptLanguage) {
        if ("en".equalsIgnoreCase(lang)) {
            return EN;
        }
        if ("zh".equalsIgnoreCase(lang)) {
            return ZH;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("zh", "en"));
            return "en".equals(best) ? EN : ZH;
        } catch (IllegalArgumentException malformedHeader) {
            return ZH;
        }
    }

    /** The title with the programme's name in it. */
    public String title(String brand) {
        return title.replace("{brand}", brand);
    }

    public String invitedBy(String inviter) {
        return invitedBy.replace("{inviter}", inviter);
    }
}
