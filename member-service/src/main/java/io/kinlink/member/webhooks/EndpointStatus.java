package io.kinlink.member.webhooks;

/** Whether an endpoint is sent to: DISABLED by an operator, or by the service after persistent failure. */
public enum EndpointStatus { ACTIVE, DISABLED }
