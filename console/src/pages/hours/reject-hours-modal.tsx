import { Form, Input, Modal, Typography } from 'antd';
import { useMutation } from 'urql';
import { RejectHoursDocument } from '../../generated/operations';
import { useAction } from '../../ui/use-action';

interface Props {
  record: { id: string; hours: number; volunteerName: string; activityTitle: string };
  onClose(): void;
}

/** 驳回: the reason is required, since the volunteer will read it; rejected hours are never counted. */
export function RejectHoursModal({ record, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [, reject] = useMutation(RejectHoursDocument);
  const { running, run } = useAction();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const { reason } = values;
    if (await run('reject', '已驳回该时长记录', () => reject({ id: record.id, reason: reason.trim() }))) onClose();
  };
  return (
    <Modal
      open
      title="驳回时长记录"
      okText="确认驳回"
      okButtonProps={{ danger: true, loading: running !== null }}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {record.volunteerName} · {record.activityTitle} · {record.hours} 小时。驳回后不计入志愿时长,理由会告知志愿者。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="驳回理由"
          rules={[
            { required: true, whitespace: true, message: '请填写驳回理由' },
            { min: 2, max: 255, message: '驳回理由为 2 到 255 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={255} showCount placeholder="例如:当天未到场签到" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
