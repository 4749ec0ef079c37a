import type { Page } from '@niangjia/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../shared/api';
import { useRequest } from '../../shared/use-request';
import { listPagination } from './list-pagination';

/**
 * A paged console list: `GET path` with the filters and the page, and the props a DataTable needs
 * (loading, rows, pagination with its size changer). A filter change should call `firstPage`.
 */
export function usePagedList<T>(path: string, filters: Query) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequest((signal) => api.get<Page<T>>(path, { ...filters, page, pageSize }, { signal }), [path, page, pageSize, JSON.stringify(filters)]);
  return {
    list,
    firstPage: () => setPage(1),
    table: {
      loading: list.loading,
      dataSource: list.data?.items ?? [],
      pagination: listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => (setPage(p), setPageSize(s))),
    },
  };
}
