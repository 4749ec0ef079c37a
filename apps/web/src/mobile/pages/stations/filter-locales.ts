import type { Translation } from '../../../shared/locale-shape';
/** The worker map's filters (merged into the mobile locales as stationFilters). */
export const stationFiltersZh = {
  label: '筛选',
  type: '类型',
  allTypes: '全部类型',
  facility: '设施',
  anyFacility: '不限设施',
  openOnly: '只看现在开放',
  noneFiltered: '附近没有符合条件的阵地。换个类型或设施，或取消“只看现在开放”再试。',
};


export const stationFiltersEn: Translation<typeof stationFiltersZh> = {
  label: 'Filters',
  type: 'Type',
  allTypes: 'All types',
  facility: 'Facility',
  anyFacility: 'Any facility',
  openOnly: 'Open now only',
  noneFiltered: 'Nothing nearby matches. Try another type or facility, or include closed ones.',
};
