import { App, Flex, Form, Modal, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useMutation } from 'urql';
import { BeginTotpEnrollmentDocument, ConfirmTotpEnrollmentDocument } from '../generated/operations';
import { errorText } from './errors';
import { TotpCodeField, TotpSetupView } from './totp-setup';
import { useViewer } from './viewer';

/** Binds an authenticator app to the signed-in account: a pending secret from the hub, confirmed by one code. */
export function TotpEnrollmentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { refresh } = useViewer();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ totpCode: string }>();
  const [begun, begin] = useMutation(BeginTotpEnrollmentDocument);
  const [confirmed, confirm] = useMutation(ConfirmTotpEnrollmentDocument);

  useEffect(() => {
    if (open) void begin({});
  }, [open, begin]);

  const submit = async ({ totpCode }: { totpCode: string }) => {
    const result = await confirm({ code: totpCode });
    if (result.error) {
      message.error(errorText(result.error));
      return;
    }
    message.success('两步验证已开启,以后登录时需输入动态验证码。');
    onClose();
    refresh();
  };

  const setup = begun.data?.beginTotpEnrollment;
  return (
    <Modal
      title="开启两步验证"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认开启"
      cancelText="取消"
      okButtonProps={{ disabled: !setup }}
      confirmLoading={confirmed.fetching}
      destroyOnHidden
    >
      {begun.fetching && (
        <Flex gap={8} align="center">
          <Spin size="small" /> 正在生成密钥…
        </Flex>
      )}
      {begun.error && <Result status="error" title="无法开始绑定" subTitle={errorText(begun.error)} />}
      {setup && (
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ marginTop: 12 }}>
          <TotpSetupView secret={setup.secret} uri={setup.uri} />
          <div style={{ marginTop: 16 }}>
            <TotpCodeField />
          </div>
        </Form>
      )}
    </Modal>
  );
}
