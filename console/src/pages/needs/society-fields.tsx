import { Form, Select, type FormInstance } from 'antd';
import type { Society } from '../../generated/operations';
import { labelOf, SOCIETY_LABEL } from '../../ui/labels';
import { handlerOptions, type DetailNeed } from './handler-options';

interface Props {
  form: FormInstance;
  need: DetailNeed;
  societies: readonly Society[];
  /** What the picked party is called in this form, e.g. 承接方 or 参与方. */
  party: string;
  forContribution: boolean;
}

/** Which society, then who of it, picked from the need's candidates (fields `society` and `referenceId`). */
export function SocietyFields({ form, need, societies, party, forContribution }: Props) {
  const society = Form.useWatch<Society | undefined>('society', form);
  return (
    <>
      <Form.Item name="society" label={`${party}类型`} rules={[{ required: true, message: `请选择${party}类型` }]}>
        <Select
          placeholder="五社之一"
          options={societies.map((value) => ({ value, label: labelOf(SOCIETY_LABEL, value) }))}
          onChange={() => form.setFieldValue('referenceId', undefined)}
        />
      </Form.Item>
      <Form.Item name="referenceId" label={party} rules={[{ required: true, message: `请从候选中选择${party}` }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="从候选中选择"
          notFoundContent="暂无可指定的候选"
          options={society ? handlerOptions(need, society, forContribution) : []}
        />
      </Form.Item>
    </>
  );
}
