import { App } from 'antd';
import { useState } from 'react';
import type { CombinedError } from 'urql';
import { errorText } from '../../ui/errors';

/**
 * Runs one action on the need: a loading state while it runs, a success message and a fresh read of the need
 * afterwards, the hub's refusal in Chinese otherwise. Resolves true when it went through.
 */
export function useNeedAction(refresh: () => void) {
  const { message } = App.useApp();
  const [running, setRunning] = useState<string | null>(null);
  async function run(key: string, done: string, action: () => Promise<{ error?: CombinedError }>) {
    setRunning(key);
    try {
      const { error } = await action();
      if (error) {
        void message.error(errorText(error));
        return false;
      }
      void message.success(done);
      refresh();
      return true;
    } finally {
      setRunning(null);
    }
  }
  return { running, run };
}
