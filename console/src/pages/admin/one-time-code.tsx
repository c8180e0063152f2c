import { Alert, Descriptions, Flex, Typography } from 'antd';
import dayjs from 'dayjs';

interface OneTimeCodeProps {
  username: string;
  code: string;
  expiresAt: string;
  purpose: string;
}

/**
 * A setup or reset code as the hub hands it out: once. The ADMIN copies it and passes it on by a safe channel;
 * the holder sets a password with it on the sign-in page's 首次登录/重置密码 tab.
 */
export function OneTimeCode({ username, code, expiresAt, purpose }: OneTimeCodeProps) {
  return (
    <Flex vertical gap={12}>
      <Alert
        type="warning"
        showIcon
        title="此码只显示这一次"
        description={`请立即复制,并当面或通过电话等可靠方式交给本人,不要发到群聊或公开场合。本人在登录页“首次登录/重置密码”中用它设置${purpose}。`}
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="用户名">{username}</Descriptions.Item>
        <Descriptions.Item label="一次性码">
          <Typography.Text
            code
            copyable={{ text: code, tooltips: ['复制', '已复制'] }}
            data-testid="one-time-code"
            style={{ fontSize: 18 }}
          >
            {code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="有效期至">{dayjs(expiresAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
