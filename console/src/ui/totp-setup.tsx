import { Alert, Flex, Form, Input, QRCode, Typography } from 'antd';

/** A base32 secret in groups of four, as people copy it into an authenticator app by hand. */
const groupedSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * How to bind an authenticator app: the QR code of the otpauth:// URI (drawn in the browser, nothing leaves it)
 * and the secret to type in instead.
 */
export function TotpSetupView({ secret, uri }: { secret: string; uri: string }) {
  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        title="请在手机上打开身份验证器 App(如微信小程序“腾讯身份验证器”、Microsoft Authenticator),扫描二维码或手动输入密钥,然后填写 App 显示的 6 位动态验证码。"
      />
      <Flex wrap gap={16} align="center">
        <QRCode value={uri} size={160} bordered aria-label="身份验证器绑定二维码" />
        <div>
          <Typography.Text>或手动输入密钥:</Typography.Text>
          <Typography.Paragraph copyable={{ text: secret, tooltips: ['复制密钥', '已复制'] }} style={{ margin: 0 }}>
            <Typography.Text code data-testid="totp-secret" style={{ fontSize: 16, wordBreak: 'break-all' }}>
              {groupedSecret(secret)}
            </Typography.Text>
          </Typography.Paragraph>
        </div>
      </Flex>
    </Flex>
  );
}

/** The 6-digit code field, shared by sign-in and enrolment. */
export function TotpCodeField() {
  return (
    <Form.Item
      name="totpCode"
      label="动态验证码"
      rules={[
        { required: true, message: '请输入 6 位动态验证码' },
        { pattern: /^\d{6}$/, message: '动态验证码是 6 位数字' },
      ]}
    >
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" />
    </Form.Item>
  );
}
