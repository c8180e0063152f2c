import { Button, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { AssignNeedDocument, type Society } from '../../generated/operations';
import { labelOf, SOCIETY_LABEL } from '../../ui/labels';
import { handlerOptions, type DetailNeed } from './handler-options';
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
  const society = Form.useWatch('society', form);
  const [, assign] = useMutation(AssignNeedDocument);
  const { running, run } = useNeedAction(refresh);
  const submit = async ({ society, referenceId, appointmentAt }: Values) => {
    const input = { society, referenceId, appointmentAt: appointmentAt?.toISOString() };
    if (await run('assign', '已指派', () => assign({ id: need.id, input }))) form.resetFields();
  };
  return (
    <Form form={form} name="assign" layout="vertical" onFinish={submit} initialValues={{ society: 'SOCIAL_WORKER' }}>
      <Form.Item name="society" label="承接方类型" rules={[{ required: true, message: '请选择承接方类型' }]}>
        <Select
          options={ASSIGNABLE.map((value) => ({ value, label: labelOf(SOCIETY_LABEL, value) }))}
          onChange={() => form.setFieldValue('referenceId', undefined)}
        />
      </Form.Item>
      <Form.Item name="referenceId" label="承接方" rules={[{ required: true, message: '请从候选中选择承接方' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="从候选中选择"
          notFoundContent="暂无该类候选"
          options={society ? handlerOptions(need, society, false) : []}
        />
      </Form.Item>
      <Form.Item name="appointmentAt" label="预约上门时间(可选)">
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={running === 'assign'}>
        指派
      </Button>
    </Form>
  );
}
