import { Alert, Button, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { AssignNeedDocument, NeedHandlerAccountsDocument } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { accountLabel, type DetailNeed, type HandlerKind } from './handler-options';
import { SocietyFields } from './society-fields';
import { useAction } from '../../ui/use-action';

/** Who a need can be handed to (a charity resource is allocated, not assigned): a society or a STAFF account. */
const ASSIGNABLE: HandlerKind[] = ['SOCIAL_WORKER', 'COMMUNITY', 'ORGANIZATION', 'VOLUNTEER', 'STAFF'];

interface Values {
  society: HandlerKind;
  referenceId: string;
  appointmentAt?: Dayjs;
}

/** 指派: a handler picked from the need's candidates or the staff of its region, and when they will come. */
export function AssignForm({ need, refresh }: { need: DetailNeed; refresh: () => void }) {
  const [form] = Form.useForm<Values>();
  const [accounts] = useQuery({ query: NeedHandlerAccountsDocument, variables: { needId: need.id } });
  const [, assign] = useMutation(AssignNeedDocument);
  const { running, run } = useAction(refresh);
  const staff = (accounts.data?.needHandlerAccounts ?? []).map((account) => ({
    value: account.id,
    label: accountLabel(account),
  }));
  const submit = async ({ society, referenceId, appointmentAt }: Values) => {
    const handler = society === 'STAFF' ? { accountId: referenceId } : { society, referenceId };
    const input = { ...handler, appointmentAt: appointmentAt?.toISOString() };
    if (await run('assign', '已指派', () => assign({ id: need.id, input }))) form.resetFields();
  };
  return (
    <Form form={form} name="assign" layout="vertical" onFinish={submit} initialValues={{ society: 'SOCIAL_WORKER' }}>
      {accounts.error && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`无法列出工作人员:${errorText(accounts.error)}`}
        />
      )}
      <SocietyFields
        form={form}
        need={need}
        societies={ASSIGNABLE}
        party="承接方"
        forContribution={false}
        staff={staff}
      />
      <Form.Item name="appointmentAt" label="预约上门时间(可选)">
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={running === 'assign'}>
        指派
      </Button>
    </Form>
  );
}
