-- The W3C trace context of the transaction that wrote the event: the relay sends it on in the
-- record's traceparent header, so the consumer's work joins the trace of the request that caused it.
alter table outbox_event add column trace_parent varchar(55);
