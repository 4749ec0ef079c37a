import type { Fund, Page } from '@niangjia/contracts';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';

/** The fund the signed-in staff member works with (a street admin gets the district's fund as a slice). */
export function useFund() {
  const funds = useRequest((signal) => api.get<Page<Fund>>('/funds', undefined, { signal }), []);
  return { ...funds, fund: funds.data?.items[0] };
}
