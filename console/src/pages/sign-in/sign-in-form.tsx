import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { SignInDocument, type SignInMutation } from '../../generated/operations';
import { TotpCodeField, TotpSetupView } from '../../ui/totp-setup';
import { signInErrorText } from './sign-in-errors';

type TotpSetup = NonNullable<SignInMutation['signIn']['totpSetup']>;
type Step = { kind: 'password' } | { kind: 'totp' } | { kind: 'enroll'; setup: TotpSetup };

interface Credentials {
  username: string;
  password: string;
}

/**
 * Username and password, then — when the hub asks — a TOTP code, or for an ADMIN without one the binding of an
 * authenticator first. The password stays in this component's memory only until the sign-in ends.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [{ fetching }, signIn] = useMutation(SignInDocument);
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState('');

  const submit = async (input: Credentials & { totpCode?: string }) => {
    setError('');
    const result = await signIn({ input });
    const answer = result.data?.signIn;
    if (!answer) {
      setError(signInErrorText(result.error));
      return;
    }
    if (answer.status === 'SIGNED_IN') {
      setCredentials(null);
      onSignedIn();
    } else if (answer.status === 'TOTP_ENROLLMENT_REQUIRED' && answer.totpSetup) {
      setStep({ kind: 'enroll', setup: answer.totpSetup });
    } else {
      setStep({ kind: 'totp' });
    }
  };

  const restart = () => {
    setStep({ kind: 'password' });
    setCredentials(null);
    setError('');
  };

  const errorAlert = error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />;

  if (step.kind === 'password' || !credentials) {
    return (
      <Form<Credentials>
        name="signIn"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setCredentials(values);
          void submit(values);
        }}
      >
        {errorAlert}
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" autoCapitalize="none" size="large" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
          登录
        </Button>
      </Form>
    );
  }

  return (
    <Form<{ totpCode: string }>
      name="totp"
      layout="vertical"
      requiredMark={false}
      onFinish={({ totpCode }) => void submit({ ...credentials, totpCode })}
    >
      {errorAlert}
      {step.kind === 'enroll' ? (
        <>
          <Alert
            type="warning"
            showIcon
            title="管理员账号须先绑定动态验证码(两步验证)才能登录。"
            style={{ marginBottom: 12 }}
          />
          <TotpSetupView secret={step.setup.secret} uri={step.setup.uri} />
        </>
      ) : (
        <Alert type="info" showIcon title="请输入身份验证器 App 中显示的 6 位动态验证码。" />
      )}
      <div style={{ marginTop: 16 }}>
        <TotpCodeField />
      </div>
      <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
        {step.kind === 'enroll' ? '绑定并登录' : '验证并登录'}
      </Button>
      <Button block onClick={restart} style={{ marginTop: 8 }}>
        返回,重新输入用户名和密码
      </Button>
    </Form>
  );
}
