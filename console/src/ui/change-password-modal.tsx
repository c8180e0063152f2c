import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from 'urql';
import { ChangePasswordDocument } from '../generated/operations';
import { errorText } from './errors';
import { NewPasswordFields, PASSWORD_RULE_TEXT } from './new-password-fields';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** A new password for the signed-in account; the hub ends its sessions on other devices. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const { message } = App.useApp();
  const [{ fetching }, changePassword] = useMutation(ChangePasswordDocument);

  const submit = async ({ currentPassword, newPassword }: PasswordValues) => {
    const result = await changePassword({ currentPassword, newPassword });
    if (result.error) {
      message.error(errorText(result.error));
      return;
    }
    message.success('密码已修改,其他设备上的登录已失效。');
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存新密码"
      cancelText="取消"
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={PASSWORD_RULE_TEXT} style={{ marginBottom: 16 }} />
      <Form<PasswordValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
