import { App, Button, Flex, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import {
  AdminIssuePasswordResetDocument,
  AdminResetAccountTotpDocument,
  AdminSetAccountDisabledDocument,
  type AdminAccountFragment,
  type AdminIssuePasswordResetMutation,
} from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { useViewer } from '../../ui/viewer';
import { OneTimeCode } from './one-time-code';

type ResetCode = AdminIssuePasswordResetMutation['issuePasswordReset'];

/**
 * One row's actions: edit, disable/enable, a reset code, a TOTP reset — each irreversible one confirmed first; on
 * the viewer's own row only edit, as the API refuses the others there.
 */
export function AccountActions({ account, onEdit }: { account: AdminAccountFragment; onEdit: () => void }) {
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const [disabling, setDisabled] = useMutation(AdminSetAccountDisabledDocument);
  const [issuing, issueReset] = useMutation(AdminIssuePasswordResetDocument);
  const [resettingTotp, resetTotp] = useMutation(AdminResetAccountTotpDocument);
  const [resetCode, setResetCode] = useState<ResetCode | null>(null);
  const own = account.id === viewer.accountId;
  const disabled = Boolean(account.disabledAt);

  const answer = (error: Parameters<typeof errorText>[0], done: string) =>
    error ? message.error(errorText(error)) : message.success(done);

  return (
    <Flex gap={4} wrap>
      <Button size="small" onClick={onEdit}>
        编辑
      </Button>
      {!own && (
        <Popconfirm
          title={disabled ? `启用账号 ${account.username}?` : `停用账号 ${account.username}?`}
          description={disabled ? '启用后本人可以再次登录。' : '停用后该账号立即退出所有设备,且无法登录。'}
          okText={disabled ? '启用' : '停用'}
          cancelText="取消"
          onConfirm={async () => {
            const result = await setDisabled({ id: account.id, disabled: !disabled });
            answer(result.error, disabled ? '账号已启用' : '账号已停用');
          }}
        >
          <Button size="small" loading={disabling.fetching}>
            {disabled ? '启用' : '停用'}
          </Button>
        </Popconfirm>
      )}
      {/* One's own password changes in the account menu, and one's own TOTP reset is another ADMIN's. */}
      {!own && (
        <Popconfirm
          title={`为 ${account.username} 生成密码重置码?`}
          description="该账号将退出所有设备,本人需用重置码设置新密码后才能登录。"
          okText="生成"
          cancelText="取消"
          onConfirm={async () => {
            const result = await issueReset({ id: account.id });
            if (result.data) setResetCode(result.data.issuePasswordReset);
            else answer(result.error, '');
          }}
        >
          <Button size="small" loading={issuing.fetching}>
            重置密码
          </Button>
        </Popconfirm>
      )}
      {!own && account.totpEnabled && (
        <Popconfirm
          title={`关闭 ${account.username} 的两步验证?`}
          description="用于手机丢失等情况。该账号将退出所有设备;管理员账号下次登录时需重新绑定。"
          okText="关闭两步验证"
          cancelText="取消"
          onConfirm={async () => {
            const result = await resetTotp({ id: account.id });
            answer(result.error, '两步验证已关闭');
          }}
        >
          <Button size="small" loading={resettingTotp.fetching}>
            重置两步验证
          </Button>
        </Popconfirm>
      )}
      <Modal
        title="密码重置码"
        open={Boolean(resetCode)}
        onCancel={() => setResetCode(null)}
        onOk={() => setResetCode(null)}
        okText="我已记下并将交给本人"
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        {resetCode && (
          <OneTimeCode
            username={resetCode.account.username}
            code={resetCode.code}
            expiresAt={String(resetCode.expiresAt)}
            purpose="新密码"
          />
        )}
      </Modal>
    </Flex>
  );
}
