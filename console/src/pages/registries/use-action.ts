import { App } from 'antd';
import { useMutation, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';
import { errorText } from '../../ui/errors';

/**
 * A mutation as staff meet it: `run` answers every click with a success message or the hub's Chinese error, and
 * resolves to the data (undefined when refused, with the error for forms that mark a field).
 */
export function useAction<Data, Variables extends AnyVariables>(mutation: TypedDocumentNode<Data, Variables>) {
  const { message } = App.useApp();
  const [{ fetching }, execute] = useMutation<Data, Variables>(mutation);
  const run = async (
    variables: Variables,
    success: string,
    onError?: (error: CombinedError) => void,
  ): Promise<Data | undefined> => {
    const result = await execute(variables);
    if (result.error || !result.data) {
      if (result.error) onError?.(result.error);
      message.error(errorText(result.error));
      return undefined;
    }
    message.success(success);
    return result.data;
  };
  return { run, running: fetching };
}
