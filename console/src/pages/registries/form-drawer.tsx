import { Button, Drawer, Form, Grid, Space, type FormInstance } from 'antd';
import { useId, type ReactNode } from 'react';

interface FormDrawerProps<Values> {
  title: string;
  open: boolean;
  onClose(): void;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  onFinish(values: Values): void;
  submitting: boolean;
  submitText?: string;
  children: ReactNode;
}

/** A form in a side drawer: the whole width of a phone, its fields stacked with their labels above them. */
export function FormDrawer<Values>({
  title,
  open,
  onClose,
  form,
  initialValues,
  onFinish,
  submitting,
  submitText = '保存',
  children,
}: FormDrawerProps<Values>) {
  const screens = Grid.useBreakpoint();
  // antd names each input after its field (id="publicPhone"): two drawers in the page at once (one closing, one
  // opening) would share ids, and a label would point at the other drawer's input. A form name prefixes them.
  const formName = `drawer${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={screens.sm ? 520 : '100%'}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {submitText}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        name={formName}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        preserve={false}
        scrollToFirstError
      >
        {children}
      </Form>
    </Drawer>
  );
}
