import { Button, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { AssignNeedDocument, type Society } from '../../generated/operations';
import type { DetailNeed } from './handler-options';
import { SocietyFields } from './society-fields';
import { useNeedAction } from './use-need-action';

/** The societies a need can be handed to (a charity resource is allocated, not assigned). */
const ASSIGNABLE: Society[] = ['SOCIAL_WORKER', 'COMMUNITY', 'ORGANIZATION', 'VOLUNTEER'];

interface Values {
  society: Society;
  referenceId: string;
  appointmentAt?: Dayjs;
}

/** 指派: a handler picked from the need's candidates, and when they will come. */
export function AssignForm({ need, refresh }: { need: DetailNeed; refresh: () => void }) {
  const [form] = Form.useForm<Values>();
  const [, assign] = useMutation(AssignNeedDocument);
  const { running, run } = useNeedAction(refresh);
  const submit = async ({ society, referenceId, appointmentAt }: Values) => {
    const input = { society, referenceId, appointmentAt: appointmentAt?.toISOString() };
    if (await run('assign', '已指派', () => assign({ id: need.id, input }))) form.resetFields();
  };
  return (
    <Form form={form} name="assign" layout="vertical" onFinish={submit} initialValues={{ society: 'SOCIAL_WORKER' }}>
      <SocietyFields form={form} need={need} societies={ASSIGNABLE} party="承接方" forContribution={false} />
      <Form.Item name="appointmentAt" label="预约上门时间(可选)">
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={running === 'assign'}>
        指派
      </Button>
    </Form>
  );
}
