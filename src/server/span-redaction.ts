import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** Span attributes that name a person's device or network (the HTTP instrumentations record them by default). */
const PERSONAL_ATTRIBUTES = ['client.address', 'network.peer.address', 'user_agent.original', 'http.user_agent'];

/**
 * The first processor of every wushe tracer (the serving processes and the committed Hive Gateway configuration):
 * before a span is exported it loses the caller's address and user agent, the query part of a URL, and every error
 * message (a driver's or a validation message can quote a value; the error's code and status stay). It imports
 * nothing at run time, so the Hive configuration can load it without the SDK.
 */
export const withoutPersonalData: SpanProcessor = {
  onStart: () => undefined,
  onEnd: (span: ReadableSpan) => {
    const attributes = span.attributes as Record<string, unknown>;
    for (const name of PERSONAL_ATTRIBUTES) delete attributes[name];
    for (const name of ['http.url', 'url.full'])
      if (typeof attributes[name] === 'string') attributes[name] = (attributes[name] as string).split('?')[0];
    delete (span.status as { message?: string }).message;
    for (const event of span.events) {
      const recorded = (event.attributes ?? {}) as Record<string, unknown>;
      delete recorded['exception.message'];
      delete recorded['exception.stacktrace'];
    }
  },
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};
