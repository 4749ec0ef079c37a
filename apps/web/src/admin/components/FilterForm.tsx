import { Card, Form } from 'antd';
import type { ReactNode } from 'react';
import { FilterActions } from './FilterActions';

/**
 * A list page's filter card: the fields in one inline form, 查询 / 重置 at the end. `onSearch`
 * gets the filled fields only (an emptied select or box is no filter); reset clears the form too.
 */
export function FilterForm<T extends object>({ onSearch, children }: { onSearch: (filters: Partial<T>) => void; children: ReactNode }) {
  const [form] = Form.useForm<T>();
  return (
    <Card size="small">
      <Form form={form} layout="inline" style={{ rowGap: 12 }} onFinish={(v) => onSearch(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as Partial<T>)}>
        {children}
        <FilterActions
          onReset={() => {
            form.resetFields();
            onSearch({});
          }}
        />
      </Form>
    </Card>
  );
}
