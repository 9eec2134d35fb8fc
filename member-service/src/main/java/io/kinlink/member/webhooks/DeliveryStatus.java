package io.kinlink.member.webhooks;

/** PENDING until the receiver acknowledges (DELIVERED) or the retries run out (FAILED; an operator may replay it). */
public enum DeliveryStatus { PENDING, DELIVERED, FAILED }
