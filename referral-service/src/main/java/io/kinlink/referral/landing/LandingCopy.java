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
        String privacyTitle,
        String privacyAccept,
        String privacyFull,
        String gift,
        String giftOnFirstVisit,
        String submit,
        String welcome,
        String welcomeNext,
        String failed,
        String otherLanguage,
        String otherLanguageTag) {

    static final LandingCopy ZH = new LandingCopy("zh", "加入{brand}", "{inviter} 邀请您加入",
            "欢迎加入会员", "这个邀请链接无效或已失效，您仍可直接注册。", "姓名", "手机号", "例如 13812345678",
            "门店", "邀请码", "我同意接收会员优惠信息（可选）", "隐私政策", "我已阅读并同意《隐私政策》", "查看全文",
            "好友送您：{coupon}（价值 ¥{yuan}），注册即得", "好友送您：{coupon}（价值 ¥{yuan}），首次到店后发放", "立即注册", "注册成功，欢迎加入！",
            "到店时出示手机号即可享受会员权益。", "注册未成功，请检查后重试。", "English", "en");

    static final LandingCopy EN = new LandingCopy("en", "Join {brand}", "{inviter} invited you",
            "Welcome to the membership", "This invitation link is not valid any more; you can still join.",
            "Name", "Mobile number", "e.g. 13812345678", "Branch", "Invitation code",
            "Send me member offers (optional)", "Privacy notice", "I have read and accept the privacy notice",
            "Read it in full", "Your friend gives you: {coupon} (worth ¥{yuan}) when you join",
            "Your friend gives you: {coupon} (worth ¥{yuan}) after your first visit", "Join now", "You are in. Welcome!",
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

    /** What the friend gets, in the page's words. */
    public String giftOf(WelcomeGiftCopies.Gift gift) {
        return (gift.onFirstVisit() ? giftOnFirstVisit : this.gift).replace("{coupon}", gift.couponName())
                .replace("{yuan}", gift.yuan());
    }

    public String invitedBy(String inviter) {
        return invitedBy.replace("{inviter}", inviter);
    }
}
