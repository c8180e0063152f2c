import type { CombinedError } from 'urql';

/**
 * What to tell staff when a request fails. The hub's coded errors carry a Chinese message (with an English detail
 * in parentheses for API clients): the Chinese part is shown, the code kept for support.
 */
export function errorText(error: CombinedError | undefined): string {
  if (!error) return '';
  if (error.networkError) return '无法连接服务器,请检查网络后重试。';
  const first = error.graphQLErrors[0];
  if (!first) return '请求失败,请稍后重试。';
  const chinese = first.message.replace(/\s*\([^()]*\)\s*$/, '');
  const code = first.extensions?.code;
  return code && code !== 'BAD_USER_INPUT' ? `${chinese}(${String(code)})` : chinese;
}

/** The error code of a failed request, if the hub gave one. */
export const errorCode = (error: CombinedError | undefined) =>
  error?.graphQLErrors[0]?.extensions?.code as string | undefined;
