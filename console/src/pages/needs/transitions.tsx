import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import {
  AcceptNeedDocument,
  CloseNeedDocument,
  MatchNeedDocument,
  RejectNeedDocument,
  ResolveNeedDocument,
  StartNeedServiceDocument,
} from '../../generated/operations';
import type { DetailNeed } from './handler-options';
import { useAction } from '../../ui/use-action';

const STEPS = [
  { transition: 'ACCEPT', label: '受理', confirm: '确认受理该需求?' },
  { transition: 'MATCH', label: '匹配', confirm: '确认已匹配服务力量?将开启联动案例。' },
  { transition: 'START_SERVICE', label: '开始服务', confirm: '确认开始服务?' },
  { transition: 'RESOLVE', label: '解决', confirm: '确认该需求已解决?' },
  { transition: 'CLOSE', label: '关闭', confirm: '确认关闭该需求?关闭后不可恢复。' },
] as const;

/** One button per status change the hub allows this account now; rejecting asks for the reason the resident sees. */
export function TransitionButtons({ need, refresh }: { need: DetailNeed; refresh: () => void }) {
  const { running, run } = useAction(refresh);
  const [, accept] = useMutation(AcceptNeedDocument);
  const [, match] = useMutation(MatchNeedDocument);
  const [, start] = useMutation(StartNeedServiceDocument);
  const [, resolve] = useMutation(ResolveNeedDocument);
  const [, close] = useMutation(CloseNeedDocument);
  const [, reject] = useMutation(RejectNeedDocument);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const execute = { ACCEPT: accept, MATCH: match, START_SERVICE: start, RESOLVE: resolve, CLOSE: close };
  const allowed = new Set<string>(need.allowedTransitions);
  const steps = STEPS.filter((step) => allowed.has(step.transition));
  if (steps.length === 0 && !allowed.has('REJECT')) return null;
  const submitReject = async () => {
    const { reason } = await form.validateFields();
    if (await run('REJECT', '已驳回,居民将收到原因', () => reject({ id: need.id, reason: reason.trim() }))) {
      setRejecting(false);
      form.resetFields();
    }
  };
  return (
    <Space wrap>
      {steps.map((step) => (
        <Popconfirm
          key={step.transition}
          title={step.confirm}
          okText="确定"
          cancelText="取消"
          onConfirm={() =>
            run<unknown>(step.transition, `已${step.label}`, () => execute[step.transition]({ id: need.id }))
          }
        >
          <Button type="primary" loading={running === step.transition}>
            {step.label}
          </Button>
        </Popconfirm>
      ))}
      {allowed.has('REJECT') && (
        <Button danger onClick={() => setRejecting(true)}>
          驳回
        </Button>
      )}
      <Modal
        title="驳回需求"
        open={rejecting}
        okText="驳回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: running === 'REJECT' }}
        onOk={submitReject}
        onCancel={() => setRejecting(false)}
      >
        <Form form={form} name="reject" layout="vertical">
          <Form.Item
            name="reason"
            label="驳回原因(居民可见)"
            rules={[{ required: true, whitespace: true, message: '请填写驳回原因' }]}
          >
            <Input.TextArea rows={3} maxLength={255} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
