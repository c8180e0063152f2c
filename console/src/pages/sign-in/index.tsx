import { Alert, App, Card, Flex, Tabs, Typography } from 'antd';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { CONSOLE_ROLES, useViewer } from '../../ui/viewer';
import { ResetPasswordForm } from './reset-password-form';
import { SignInForm } from './sign-in-form';

const RESET_PATH = '/sign-in/reset';

/** What the account menu's sign-out says once the page has loaded afresh. */
const SIGNED_OUT_TEXT: Record<string, string> = {
  here: '已退出登录。',
  everywhere: '已在所有设备上退出登录。',
};

/** Where the shell sent the user from, kept in the navigation state across the two tabs. */
const fromOf = (state: unknown) => {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/dashboard';
};

/**
 * Loads the console afresh at `path`: nothing a previous user of this tab saw (their session may have expired
 * without a sign-out) stays in the GraphQL client's cache.
 */
const enter = (path: string) => window.location.replace(`/console${path}`);

/**
 * Sign in (password, then TOTP when asked) or turn a one-time code into a password. Once the hub says the caller
 * is a console role the page sends them on to where they were going.
 */
export function SignInPage() {
  const { viewer } = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [search] = useSearchParams();
  const signedOut = SIGNED_OUT_TEXT[search.get('signedOut') ?? ''];
  if ((CONSOLE_ROLES as readonly string[]).includes(viewer.role)) {
    return <Navigate to={fromOf(location.state)} replace />;
  }
  const tab = location.pathname.startsWith(RESET_PATH) ? 'reset' : 'sign-in';
  const open = (key: string) =>
    navigate(key === 'reset' ? RESET_PATH : '/sign-in', { replace: true, state: location.state });
  return (
    <Flex
      justify="center"
      align="flex-start"
      style={{ minHeight: '100vh', padding: '48px 12px', background: '#f5f5f5' }}
    >
      <main style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
          五社联动工作台
        </Typography.Title>
        {signedOut && <Alert type="success" showIcon title={signedOut} style={{ marginBottom: 12 }} />}
        <Card>
          {/* One pane at a time: both forms ask for 用户名, and a hidden pane's field would answer its label too. */}
          <Tabs
            activeKey={tab}
            onChange={open}
            destroyOnHidden
            items={[
              {
                key: 'sign-in',
                label: '账号登录',
                children: <SignInForm onSignedIn={() => enter(fromOf(location.state))} />,
              },
              {
                key: 'reset',
                label: '首次登录/重置密码',
                children: (
                  <ResetPasswordForm
                    onDone={(username) => {
                      message.success(`已为 ${username} 设置新密码,请用新密码登录。`);
                      open('sign-in');
                    }}
                  />
                ),
              },
            ]}
          />
        </Card>
      </main>
    </Flex>
  );
}
