/** What a service hands to enqueue(): one protobuf message for one exchange. */
export interface OutgoingMessage {
  exchange: string;
  routingKey: string;
  /** Full proto message name, set as the AMQP `type` property. */
  type: string;
  /** Protobuf bytes. */
  body: Uint8Array;
  /** Header tenant-id. */
  tenantId: string;
  /** Header idempotency-key. */
  idempotencyKey: string;
  /** Header traceparent; generated when absent. */
  traceparent?: string;
  /** The AMQP messageId (a UUID); a new time-ordered one when absent. A replay keeps the original's. */
  messageId?: string;
}

/** What a handler learns about the delivery besides the decoded body. */
export interface MessageMeta {
  messageId: string;
  type: string;
  tenantId: string;
  idempotencyKey: string;
  /** The header traceparent; with tracing on, the delivery's span's (a child of it), so the trace stays one tree. */
  traceparent: string;
  /** 0 the first time; from header x-attempt after a retry. */
  attempt: number;
  /** Transient failures so far (header x-transient-attempt): waiting, not counted against the poison budget. */
  transientAttempt: number;
  redelivered: boolean;
}
