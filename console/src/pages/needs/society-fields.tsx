import { Form, Select, type FormInstance } from 'antd';
import { HANDLER_KIND_LABEL, labelOf } from '../../ui/labels';
import { handlerOptions, type DetailNeed, type HandlerKind, type HandlerOption } from './handler-options';

interface Props {
  form: FormInstance;
  need: DetailNeed;
  societies: readonly HandlerKind[];
  /** What the picked party is called in this form, e.g. 承接方 or 参与方. */
  party: string;
  forContribution: boolean;
  /** The STAFF accounts to offer when `societies` has STAFF. */
  staff?: HandlerOption[];
}

function options(need: DetailNeed, kind: HandlerKind | undefined, forContribution: boolean, staff: HandlerOption[]) {
  if (kind === 'STAFF') return staff;
  return kind ? handlerOptions(need, kind, forContribution) : [];
}

/**
 * Which society (or 工作人员), then who of it, picked from the need's candidates or the staff accounts (fields
 * `society` and `referenceId`).
 */
export function SocietyFields({ form, need, societies, party, forContribution, staff = [] }: Props) {
  const society = Form.useWatch<HandlerKind | undefined>('society', form);
  return (
    <>
      <Form.Item name="society" label={`${party}类型`} rules={[{ required: true, message: `请选择${party}类型` }]}>
        <Select
          placeholder={societies.includes('STAFF') ? '五社之一或工作人员' : '五社之一'}
          options={societies.map((value) => ({ value, label: labelOf(HANDLER_KIND_LABEL, value) }))}
          onChange={() => form.setFieldValue('referenceId', undefined)}
        />
      </Form.Item>
      <Form.Item name="referenceId" label={party} rules={[{ required: true, message: `请从候选中选择${party}` }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="从候选中选择"
          notFoundContent="暂无可指定的候选"
          options={options(need, society, forContribution, staff)}
        />
      </Form.Item>
    </>
  );
}
