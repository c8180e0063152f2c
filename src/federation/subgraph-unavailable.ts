/**
 * The error a gateway answers in place of a remote subgraph's fields when that subgraph is down, slow or answers
 * something that is not GraphQL: the rest of the answer still comes back. It names the subgraph (clients see which
 * part is missing) but never its address or the transport's own message, which would tell a caller where the
 * subgraphs live. Both `wushe gateway` (gateway.ts) and the committed Hive Gateway configuration
 * (deploy/hive-gateway) answer exactly this; the module imports nothing, so the latter loads its compiled file alone.
 */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** TIMEOUT: no answer within the subgraph's timeout; UNREACHABLE: refused or dropped; BAD_RESPONSE: not GraphQL. */
export type UnavailableReason = 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE';

export interface UnavailableError {
  message: string;
  extensions: { code: typeof SUBGRAPH_UNAVAILABLE; subgraph: string; reason: UnavailableReason };
}

export function subgraphUnavailable(subgraph: string, reason: UnavailableReason, timeoutMs: number): UnavailableError {
  const message =
    reason === 'TIMEOUT'
      ? `子图 ${subgraph} 在 ${timeoutMs} 毫秒内未应答,其数据暂缺,请稍后再试 (subgraph ${subgraph} did not answer within ${timeoutMs} ms; its fields are missing)`
      : `子图 ${subgraph} 暂时无法访问,其数据暂缺,请稍后再试 (subgraph ${subgraph} is unavailable; its fields are missing)`;
  return { message, extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph, reason } };
}

/** What a failed fetch's error says about why: an abort by the timeout's signal, or anything else. */
export function reasonOf(error: unknown): UnavailableReason {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError' ? 'TIMEOUT' : 'UNREACHABLE';
}

/**
 * Codes a client may see as a subgraph gave them. The transport's own codes for a failed fetch (Hive Gateway's
 * SUBREQUEST_HTTP_ERROR, TIMEOUT_ERROR, RESPONSE_VALIDATION_FAILED, Apollo's DOWNSTREAM_SERVICE_ERROR) are not
 * among them: those become SUBGRAPH_UNAVAILABLE.
 */
export function isSubgraphCode(code: unknown): code is string {
  return (
    typeof code === 'string' &&
    !['DOWNSTREAM_SERVICE_ERROR', 'SUBREQUEST_HTTP_ERROR', 'TIMEOUT_ERROR', 'RESPONSE_VALIDATION_FAILED'].includes(code)
  );
}
