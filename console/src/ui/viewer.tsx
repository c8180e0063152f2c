import { Button, Result, Spin } from 'antd';
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { ViewerDocument, type ViewerQuery } from '../generated/operations';
import { errorText } from './errors';

export type Viewer = ViewerQuery['viewer'];

interface ViewerState {
  viewer: Viewer;
  /** Asks the hub again who is signed in (after signing in or out). */
  refresh(): void;
}

const ViewerContext = createContext<ViewerState | null>(null);

/** Who is signed in, asked once per page load: every page decides what to show from it. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ViewerDocument, requestPolicy: 'network-only' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (!data) {
    if (fetching) return <Spin fullscreen tip="正在加载…" />;
    return (
      <Result
        status="error"
        title="暂时无法连接五社联动平台"
        subTitle={errorText(error)}
        extra={<Button onClick={refresh}>重试</Button>}
      />
    );
  }
  return <ViewerContext.Provider value={{ viewer: data.viewer, refresh }}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer outside ViewerProvider');
  return state;
}

/** The roles the console serves; others (the bot's token, anonymous callers) are sent to sign in. */
export const CONSOLE_ROLES = ['ADMIN', 'STAFF', 'ORG'] as const;

/** Renders `element` only for `roles`; others are told plainly instead of seeing controls they may not use. */
export function RequireRole({ roles, element }: { roles: readonly string[]; element: ReactElement }) {
  const { viewer } = useViewer();
  if (roles.includes(viewer.role)) return element;
  return <Result status="403" title="无权访问" subTitle="当前账号无权使用此页面,如需开通请联系市级管理员。" />;
}
