import { Card, Empty, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import type { usePagedList } from './use-paged-list';

/**
 * A console list page's card: its filters in the title (wrapping on a narrow screen), a button on
 * the right, the list's error with a retry, and the paged DataTable with its empty text. The one
 * copy of that frame for every paged list.
 */
export function PagedList<T extends object>({
  paged,
  filters,
  extra,
  empty,
  ...table
}: Omit<DataTableProps<T>, 'loading' | 'dataSource' | 'pagination' | 'rowKey' | 'size'> & {
  paged: ReturnType<typeof usePagedList<T>>;
  filters?: ReactNode;
  extra?: ReactNode;
  /** What an empty list says. */
  empty: string;
  rowKey?: DataTableProps<T>['rowKey'];
}) {
  return (
    <Card size="small" title={filters ? <Space wrap>{filters}</Space> : undefined} extra={extra}>
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <DataTable<T> rowKey="id" size="small" {...paged.table} locale={{ emptyText: <Empty description={empty} /> }} {...table} />
    </Card>
  );
}

/**
 * A filter over one of a contract's value lists: each value labelled by `${labels}.${value}` in the
 * locales, cleared to "all".
 */
export function EnumSelect<V extends string>({
  values,
  labels,
  placeholder,
  width,
  value,
  onChange,
  testId,
}: {
  values: readonly V[];
  labels: string;
  placeholder: string;
  width: number;
  value?: V | undefined;
  onChange: (value: V | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<V>
      allowClear
      style={{ width }}
      placeholder={placeholder}
      {...(value !== undefined ? { value } : {})}
      onChange={(v) => onChange(v ?? undefined)}
      options={values.map((v) => ({ value: v, label: t(`${labels}.${v}`) }))}
      {...(testId ? { 'data-testid': testId } : {})}
    />
  );
}
