import { App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { AdminCreateAccountDocument, type AdminCreateAccountMutation } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { AccountFields, scopeOf, type AccountValues } from './account-form';
import { OneTimeCode } from './one-time-code';

type Created = AdminCreateAccountMutation['createAccount'];

/** A new account: its fields first, then — once — its setup code to hand over. */
export function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AccountValues>();
  const { message } = App.useApp();
  const [{ fetching }, createAccount] = useMutation(AdminCreateAccountDocument);
  const [created, setCreated] = useState<Created | null>(null);

  const submit = async (values: AccountValues) => {
    const result = await createAccount({
      input: { username: values.username.trim(), displayName: values.displayName?.trim(), ...scopeOf(values) },
    });
    if (result.error || !result.data) {
      message.error(errorText(result.error));
      return;
    }
    message.success(`账号 ${result.data.createAccount.account.username} 已创建`);
    setCreated(result.data.createAccount);
  };
  const close = () => {
    setCreated(null);
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      title={created ? '账号已创建:请交付设置码' : '新建账号'}
      open={open}
      onCancel={close}
      destroyOnHidden
      footer={
        created ? (
          <Button type="primary" onClick={close}>
            我已记下并将交给本人
          </Button>
        ) : (
          <>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={fetching} onClick={() => form.submit()}>
              创建账号
            </Button>
          </>
        )
      }
    >
      {created ? (
        <OneTimeCode
          username={created.account.username}
          code={created.setupCode}
          expiresAt={String(created.expiresAt)}
          purpose="初始密码"
        />
      ) : (
        <Form<AccountValues>
          form={form}
          layout="vertical"
          initialValues={{ role: 'STAFF' }}
          onFinish={(values) => void submit(values)}
        >
          <AccountFields />
        </Form>
      )}
    </Modal>
  );
}
