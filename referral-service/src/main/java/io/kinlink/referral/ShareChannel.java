package io.kinlink.referral;

/** Where a member shared their link from the app. */
public enum ShareChannel {
    WECHAT,
    WECHAT_MOMENTS,
    SMS,
    POSTER_QR,
    COPY_LINK,
    OTHER
}
