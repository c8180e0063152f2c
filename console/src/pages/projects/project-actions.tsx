import { Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import {
  ApproveProjectDocument,
  CompleteProjectDocument,
  RejectProjectDocument,
  ReviewProjectDocument,
  StartProjectDocument,
  type ProjectTransition,
} from '../../generated/operations';
import { useAction } from '../../ui/use-action';

interface Props {
  project: { id: string; title: string; score?: number | null; allowedTransitions: readonly ProjectTransition[] };
  /** Called after the hub refused a change, so the page asks again what is allowed now (e.g. the quota filled). */
  onRefused(): void;
}

/** What each one-click change asks before it is made. */
const CONFIRMED = {
  APPROVE: { button: '批准立项', title: '确认批准立项?', description: '批准后占用本轮一个名额。' },
  REJECT: { button: '不予立项', title: '确认不予立项?', description: '此操作不能撤销。' },
  START: { button: '启动实施', title: '确认启动项目实施?', description: '' },
} as const;

/**
 * The buttons for what the caller may do to a project now, as the hub says (`allowedTransitions`): scoring and
 * completion ask for a score or an evaluation in a dialog; approval, rejection and start are confirmed first.
 */
export function ProjectActions({ project, onRefused }: Props) {
  const [dialog, setDialog] = useState<'REVIEW' | 'COMPLETE' | null>(null);
  const [, approve] = useMutation(ApproveProjectDocument);
  const [, reject] = useMutation(RejectProjectDocument);
  const [, startProject] = useMutation(StartProjectDocument);
  const { running, run } = useAction();
  const allowed = new Set(project.allowedTransitions);
  const any = ['REVIEW', 'APPROVE', 'REJECT', 'START', 'COMPLETE'].some((transition) =>
    allowed.has(transition as ProjectTransition),
  );
  if (!any) return <Typography.Text>—</Typography.Text>;

  const oneClick = {
    APPROVE: { change: () => approve({ id: project.id }), done: '已批准立项' },
    REJECT: { change: () => reject({ id: project.id }), done: '已不予立项' },
    START: { change: () => startProject({ id: project.id }), done: '项目已启动' },
  };

  return (
    <Flex gap={4} wrap>
      {allowed.has('REVIEW') && (
        <Button type="link" size="small" onClick={() => setDialog('REVIEW')}>
          {project.score === null || project.score === undefined ? '评审打分' : '重新打分'}
        </Button>
      )}
      {(['APPROVE', 'REJECT', 'START'] as const)
        .filter((transition) => allowed.has(transition))
        .map((transition) => {
          const { button, title, description } = CONFIRMED[transition];
          const { change, done } = oneClick[transition];
          return (
            <Popconfirm
              key={transition}
              title={title}
              description={description || undefined}
              okText="确认"
              cancelText="取消"
              onConfirm={() => run<unknown>(transition, done, change, onRefused)}
            >
              <Button type="link" size="small" danger={transition === 'REJECT'} loading={running === transition}>
                {button}
              </Button>
            </Popconfirm>
          );
        })}
      {allowed.has('COMPLETE') && (
        <Button type="link" size="small" onClick={() => setDialog('COMPLETE')}>
          结项评估
        </Button>
      )}
      {dialog === 'REVIEW' && <ReviewDialog project={project} onClose={() => setDialog(null)} />}
      {dialog === 'COMPLETE' && <CompleteDialog project={project} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

interface DialogProps {
  project: Props['project'];
  onClose(): void;
}

function ReviewDialog({ project, onClose }: DialogProps) {
  const [form] = Form.useForm<{ score: number }>();
  const [, review] = useMutation(ReviewProjectDocument);
  const { running, run } = useAction();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const { score } = values;
    if (await run('review', `已评分 ${score} 分`, () => review({ id: project.id, score }))) onClose();
  };
  return (
    <Modal
      open
      title={`评审打分:${project.title}`}
      okText="保存评分"
      cancelText="取消"
      confirmLoading={running !== null}
      onOk={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ score: project.score ?? undefined }}>
        <Form.Item name="score" label="评分(0–100)" rules={[{ required: true, message: '请填写评分' }]}>
          <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CompleteDialog({ project, onClose }: DialogProps) {
  const [form] = Form.useForm<{ evaluation: string }>();
  const [, complete] = useMutation(CompleteProjectDocument);
  const { running, run } = useAction();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const { evaluation } = values;
    if (await run('complete', '项目已结项', () => complete({ id: project.id, evaluation: evaluation.trim() })))
      onClose();
  };
  return (
    <Modal
      open
      title={`结项评估:${project.title}`}
      okText="确认结项"
      cancelText="取消"
      confirmLoading={running !== null}
      onOk={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="evaluation"
          label="结项评估"
          rules={[{ required: true, whitespace: true, message: '请填写结项评估' }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="服务成效、居民反馈、存在的不足" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
