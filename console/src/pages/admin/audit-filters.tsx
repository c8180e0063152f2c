import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditFilter, AuditKind } from '../../generated/operations';
import { READABLE_PLACEHOLDER } from '../../ui/hint';
import { AUDIT_KIND_LABEL, AUDIT_OUTCOME_LABEL } from '../../ui/labels';

interface AuditFilterValues {
  subject?: string;
  operation?: string;
  outcome?: string;
  kind?: AuditKind;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const OPERATIONS = [
  'signIn',
  'lockAccount',
  'resetPassword',
  'changePassword',
  'createAccount',
  'updateAccount',
  'setAccountDisabled',
  'issuePasswordReset',
  'resetAccountTotp',
].map((value) => ({ value }));

const OUTCOMES = Object.entries(AUDIT_OUTCOME_LABEL).map(([value, label]) => ({ value, label: `${label}(${value})` }));
const KINDS = Object.entries(AUDIT_KIND_LABEL).map(([value, label]) => ({ value, label }));

/** The form's values as the API's filter: exact matches, and whole days in the browser's time zone. */
function toFilter({ subject, operation, outcome, kind, dates }: AuditFilterValues): AuditFilter {
  const [from, to] = dates ?? [];
  return {
    subject: subject?.trim() || undefined,
    operation: operation?.trim() || undefined,
    outcome: outcome?.trim() || undefined,
    kind: kind || undefined,
    since: from ? from.startOf('day').toISOString() : undefined,
    until: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

/** Who, what, with which outcome and when: the audit log's filters, applied by 查询. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const [form] = Form.useForm<AuditFilterValues>();
  return (
    <Form<AuditFilterValues>
      form={form}
      layout="inline"
      style={{ rowGap: 8 }}
      onFinish={(values) => onApply(toFilter(values))}
    >
      <Form.Item name="subject" label="操作人">
        <Input placeholder="用户名或令牌主体" allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="operation" label="操作">
        <AutoComplete
          options={OPERATIONS}
          placeholder="如 signIn"
          allowClear
          styles={READABLE_PLACEHOLDER}
          style={{ width: 170 }}
        />
      </Form.Item>
      <Form.Item name="outcome" label="结果">
        <AutoComplete
          options={OUTCOMES}
          placeholder="如 OK"
          allowClear
          styles={READABLE_PLACEHOLDER}
          style={{ width: 170 }}
        />
      </Form.Item>
      <Form.Item name="kind" label="类别">
        <Select options={KINDS} placeholder="全部" allowClear styles={READABLE_PLACEHOLDER} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="dates" label="日期">
        <DatePicker.RangePicker aria-label="日期范围" allowEmpty={[true, true]} style={{ maxWidth: 260 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
