import { App, Form, Modal } from 'antd';
import { useMutation } from 'urql';
import { AdminUpdateAccountDocument, type AdminAccountFragment } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { useViewer } from '../../ui/viewer';
import { AccountFields, scopeOf, type AccountRole, type AccountValues } from './account-form';

/** A new name, role or scope for `account`; a new role signs it out everywhere (said before saving). */
export function EditAccountModal({ account, onClose }: { account: AdminAccountFragment | null; onClose: () => void }) {
  const [form] = Form.useForm<AccountValues>();
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const [{ fetching }, updateAccount] = useMutation(AdminUpdateAccountDocument);

  const submit = async (values: AccountValues) => {
    if (!account) return;
    const result = await updateAccount({
      id: account.id,
      input: { displayName: values.displayName?.trim(), ...scopeOf(values) },
    });
    if (result.error) {
      message.error(errorText(result.error));
      return;
    }
    message.success(values.role === account.role ? '账号已保存' : '账号已保存;角色已变更,该账号需重新登录');
    onClose();
  };

  return (
    <Modal
      title={account ? `编辑账号:${account.username}` : '编辑账号'}
      open={Boolean(account)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={fetching}
      destroyOnHidden
    >
      {account && (
        <Form<AccountValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            username: account.username,
            displayName: account.displayName,
            role: account.role as AccountRole,
            regionId: account.regionId ?? undefined,
            organizationId: account.organizationId ?? undefined,
          }}
          onFinish={(values) => void submit(values)}
        >
          <AccountFields editing={account} ownAccount={account.id === viewer.accountId} />
        </Form>
      )}
    </Modal>
  );
}
