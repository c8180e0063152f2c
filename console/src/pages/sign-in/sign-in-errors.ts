import type { CombinedError } from 'urql';
import { errorCode, errorText } from '../../ui/errors';

/** Whole minutes to wait, never "0 分钟". */
const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/**
 * Sign-in refusals said plainly: which part was wrong and what to do next. Codes the page does not know fall back
 * to the hub's own Chinese message.
 */
export function signInErrorText(error: CombinedError | undefined): string {
  switch (errorCode(error)) {
    case 'INVALID_CREDENTIALS':
      return '用户名或密码错误,请检查后重新输入(连续输错 5 次账号将被暂时锁定)。';
    case 'ACCOUNT_LOCKED': {
      const seconds = Number(error?.graphQLErrors[0]?.extensions?.retryAfterSeconds ?? 60);
      return `连续失败次数过多,账号已暂时锁定,请 ${minutesOf(seconds)} 分钟后再试。`;
    }
    case 'INVALID_TOTP':
      return '动态验证码错误或已使用过,请输入验证器 App 中当前显示的 6 位数字。';
    case 'ACCOUNT_DISABLED':
      return '该账号已停用,如需恢复请联系市级管理员。';
    case 'INVALID_CODE':
      return '设置码或重置码无效、已使用或已过期,请向市级管理员重新索取。';
    default:
      return errorText(error);
  }
}
