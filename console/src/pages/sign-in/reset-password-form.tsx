import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ResetPasswordDocument } from '../../generated/operations';
import { NewPasswordFields, PASSWORD_RULE_TEXT } from '../../ui/new-password-fields';
import { signInErrorText } from './sign-in-errors';
import { Hint } from '../../ui/hint';

interface ResetValues {
  username: string;
  code: string;
  newPassword: string;
  repeat: string;
}

/** First sign-in or a forgotten password: the one-time code an ADMIN handed over becomes a password. */
export function ResetPasswordForm({ onDone }: { onDone: (username: string) => void }) {
  const [form] = Form.useForm<ResetValues>();
  const [{ fetching }, resetPassword] = useMutation(ResetPasswordDocument);
  const [error, setError] = useState('');

  const submit = async ({ username, code, newPassword }: ResetValues) => {
    setError('');
    const result = await resetPassword({ username: username.trim(), code: code.trim(), newPassword });
    if (result.data?.resetPassword) onDone(username.trim());
    else setError(signInErrorText(result.error));
  };

  return (
    <Form<ResetValues>
      form={form}
      name="reset"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
    >
      <Alert type="info" showIcon title="密码要求" description={PASSWORD_RULE_TEXT} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input autoComplete="username" autoCapitalize="none" size="large" />
      </Form.Item>
      <Form.Item
        name="code"
        label="一次性设置码/重置码"
        extra={<Hint>由市级管理员提供,形如 ABCD-EFGH-JKLM-NPQR,24 小时内有效,只能使用一次。</Hint>}
        rules={[{ required: true, message: '请输入管理员提供的设置码或重置码' }]}
      >
        <Input autoComplete="off" autoCapitalize="characters" size="large" />
      </Form.Item>
      <NewPasswordFields size="large" />
      <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
        设置密码
      </Button>
    </Form>
  );
}
