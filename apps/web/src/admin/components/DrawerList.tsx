import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { DataTable, type DataColumn } from './DataTable';

export type DrawerListProps<T> = {
  /** Names the table (test hooks and, for DataTable, its stored settings). */
  id: string;
  rowKey: string | ((row: T) => string);
  items: T[];
  columns: DataColumn<T>[];
  /** What the empty list says ("暂无", or what to do next). */
  emptyText: ReactNode;
  /** The 新增 button above the list; left out when the caller may not add (read-only, ended, closed). */
  add?: { label: string; onClick: () => void; testId?: string } | undefined;
  /** The row's actions (修改, 删除 …), in DataTable's fixed column. */
  actions?: ((row: T) => ReactNode) | undefined;
  loading?: boolean;
};

/**
 * A small list on a tab of a detail drawer (a partner's agreements, a studio's patents): every row
 * on one page, no column settings, an add button and an empty text — the defaults the drawers share.
 */
export function DrawerList<T extends object>({ id, rowKey, items, columns, emptyText, add, actions, loading }: DrawerListProps<T>) {
  return (
    <DataTable<T>
      id={id}
      rowKey={rowKey}
      size="small"
      columnSettings={false}
      pagination={false}
      loading={loading}
      dataSource={items}
      columns={columns}
      actions={actions}
      toolbar={
        add ? (
          <Button size="small" icon={<PlusOutlined />} onClick={add.onClick} data-testid={add.testId}>
            {add.label}
          </Button>
        ) : undefined
      }
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
    />
  );
}
