import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

/** The console's table pagination: total shown as 共 N 条, size changer, page and size kept by the caller. */
export function listPagination(
  t: TFunction,
  view: { page: number; pageSize: number; total: number; showSizeChanger?: boolean },
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: view.page,
    pageSize: view.pageSize,
    total: view.total,
    showSizeChanger: view.showSizeChanger ?? true,
    showTotal: (total) => t('common.total', { total }),
    onChange,
  };
}
