import { UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Divider, Flex, Popconfirm, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { SignOutDocument, SignOutEverywhereDocument } from '../generated/operations';
import { ChangePasswordModal } from './change-password-modal';
import { errorText } from './errors';
import { labelOf, ROLE_LABEL } from './labels';
import { TotpEnrollmentModal } from './totp-enrollment-modal';
import { useViewer } from './viewer';
import { Hint } from './hint';

type Dialog = 'password' | 'totp' | null;
type SignedOut = 'here' | 'everywhere';

/**
 * Who is signed in, behind an avatar button (a panel that fits a phone): change password, bind a TOTP
 * authenticator (an ADMIN binds one at sign-in already), sign out here or everywhere. A token caller has no
 * account, so only its name is shown.
 */
export function AccountMenu() {
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [signOutState, signOut] = useMutation(SignOutDocument);
  const [everywhereState, signOutEverywhere] = useMutation(SignOutEverywhereDocument);
  const name = viewer.displayName ?? viewer.subject;
  const hasAccount = Boolean(viewer.accountId);

  /**
   * After signing out the page is loaded afresh rather than routed: nothing the last user saw stays in the
   * client's cache for whoever uses this computer next.
   */
  const end = async (run: () => Promise<{ error?: Parameters<typeof errorText>[0] }>, where: SignedOut) => {
    const result = await run();
    if (result.error) {
      message.error(errorText(result.error));
      return;
    }
    window.location.replace(`/console/sign-in?signedOut=${where}`);
  };
  const show = (next: Dialog) => {
    setOpen(false);
    setDialog(next);
  };

  const panel = (
    <Flex vertical style={{ width: 240, maxWidth: 'calc(100vw - 48px)' }}>
      <Typography.Text strong>{name}</Typography.Text>
      <Hint>{labelOf(ROLE_LABEL, viewer.role)}</Hint>
      {viewer.region && <Hint>{viewer.region.name}</Hint>}
      {hasAccount && (
        <>
          <Divider style={{ margin: '8px 0' }} />
          <Button type="text" block style={{ textAlign: 'left' }} onClick={() => show('password')}>
            修改密码
          </Button>
          {viewer.totpEnabled ? (
            <Typography.Text type="success" style={{ padding: '4px 15px' }}>
              两步验证已开启
            </Typography.Text>
          ) : (
            <Button type="text" block style={{ textAlign: 'left' }} onClick={() => show('totp')}>
              两步验证
            </Button>
          )}
          <Button
            type="text"
            block
            style={{ textAlign: 'left' }}
            loading={signOutState.fetching}
            onClick={() => void end(() => signOut({}), 'here')}
          >
            退出登录
          </Button>
          <Popconfirm
            title="退出所有设备?"
            description="所有电脑和手机上的登录都将失效,需要重新登录。"
            okText="全部退出"
            cancelText="取消"
            onConfirm={() => end(() => signOutEverywhere({}), 'everywhere')}
          >
            <Button type="text" block style={{ textAlign: 'left' }} loading={everywhereState.fetching}>
              退出所有设备
            </Button>
          </Popconfirm>
        </>
      )}
    </Flex>
  );

  return (
    <>
      <Popover content={panel} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
        <Button type="text" aria-label={`${name} 的账号菜单`} style={{ maxWidth: '45vw' }}>
          <Avatar size="small" icon={<UserOutlined />} />
          <Typography.Text ellipsis style={{ maxWidth: 160 }}>
            {name}
          </Typography.Text>
        </Button>
      </Popover>
      <ChangePasswordModal open={dialog === 'password'} onClose={() => setDialog(null)} />
      <TotpEnrollmentModal open={dialog === 'totp'} onClose={() => setDialog(null)} />
    </>
  );
}
