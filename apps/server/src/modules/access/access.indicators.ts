import { defineIndicators } from '../../platform/indicators';
import { countSmartStations } from './access.repository';

/** Smart 24-hour stations (智慧驿站): scans that opened the door, counted on the day they happened. */
export const accessIndicators = defineIndicators({
  module: 'access',
  section: { zh: '智慧驿站', en: 'Smart stations' },
  order: 40,
  dimensions: [
    { key: 'afterHours', name: { zh: '时段', en: 'Hours' }, values: { yes: { zh: '非值守时段', en: 'Outside staffed hours' }, no: { zh: '值守时段', en: 'Staffed hours' } } },
    { key: 'result', name: { zh: '结果', en: 'Result' }, values: { opened: { zh: '已开门', en: 'Opened' }, refused: { zh: '被拒绝', en: 'Refused' }, failed: { zh: '失败', en: 'Failed' } } },
  ],
  series: [
    {
      key: 'access.entries',
      tables: { e: 'door_entry' },
      from: '{e} e',
      org: 'e.org_id',
      dims: { afterHours: "case when e.is_after_hours then 'yes' else 'no' end", result: 'e.result' },
      events: [{ at: 'e.at', value: '1' }],
    },
  ],
  indicators: [
    {
      key: 'access.entries',
      name: { zh: '智慧驿站进站人次', en: 'Smart-station entries' },
      unit: 'person_times',
      definition: { zh: '期内扫码开门成功的次数（每次开门计 1 人次）。', en: 'Scans that opened a smart station’s door in the period (one visit each).' },
      compute: { kind: 'flow', series: 'access.entries', filter: { result: ['opened'] } },
      dimensions: ['afterHours'],
      countsAsService: true,
      isHeadline: true,
    },
    {
      key: 'access.after_hours',
      name: { zh: '非值守时段进站人次', en: 'Entries outside staffed hours' },
      unit: 'person_times',
      definition: { zh: '期内在无人值守时段（默认 18:00—次日 8:00）扫码开门成功的次数。', en: 'Scans that opened the door outside staffed hours in the period.' },
      compute: { kind: 'flow', series: 'access.entries', filter: { result: ['opened'], afterHours: ['yes'] } },
    },
    {
      key: 'access.refused',
      name: { zh: '拒绝开门次数', en: 'Refused scans' },
      unit: 'count',
      definition: { zh: '期内扫码但未开门的次数（过期码、禁入、超出距离等）。', en: 'Scans in the period that did not open the door (expired code, ban, too far …).' },
      compute: { kind: 'flow', series: 'access.entries', filter: { result: ['refused', 'failed'] } },
    },
    {
      key: 'access.smart_stations',
      name: { zh: '智慧驿站数', en: 'Smart stations' },
      unit: 'count',
      definition: { zh: '当前装有启用中门禁控制器的阵地个数。', en: 'Positions with an active door controller now.' },
      compute: {
        kind: 'query',
        periodic: false,
        async evaluate({ db, org }) {
          return { value: await countSmartStations(db, org.path) };
        },
      },
      isHeadline: true,
    },
  ],
});
