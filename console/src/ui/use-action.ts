import { App } from 'antd';
import { useState } from 'react';
import type { CombinedError } from 'urql';
import { errorText } from './errors';

/** What a urql mutation resolves to, as far as answering the click needs. */
interface Outcome<Data> {
  data?: Data;
  error?: CombinedError;
}

/**
 * A mutation as staff meet it: `running` names the action under way (for its button's loading state), `run`
 * answers the click with a success message (text, or made from the hub's answer) or the hub's refusal in Chinese,
 * calls `onSuccess` (e.g. read the page again) or `onError` (e.g. mark a form field), and resolves to whether the
 * change went through. Refusals stay on screen longer: they are longer to read than a success.
 */
export function useAction(onSuccess?: () => void) {
  const { message } = App.useApp();
  const [running, setRunning] = useState<string | null>(null);
  async function run<Data>(
    key: string,
    done: string | ((data: Data) => string),
    action: () => Promise<Outcome<Data>>,
    onError?: (error: CombinedError) => void,
  ): Promise<boolean> {
    setRunning(key);
    try {
      const { data, error } = await action();
      if (error || data === undefined) {
        if (error) onError?.(error);
        void message.error({ content: errorText(error) || '请求失败,请稍后重试。', duration: 8 });
        return false;
      }
      void message.success(typeof done === 'string' ? done : done(data));
      onSuccess?.();
      return true;
    } finally {
      setRunning(null);
    }
  }
  return { running, run };
}
