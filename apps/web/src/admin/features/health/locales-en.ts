import type { Translation } from '../../../shared/locale-shape';
import type { healthAdminZh } from './locales';

/** 帮扶 ▸ 送健康 console page: English. */
export const healthAdminEn: Translation<typeof healthAdminZh> = {
  menu: 'Health checks',
  campaign: 'Campaign',
  pickCampaign: 'Choose a health campaign',
  noCampaign: 'There is no health campaign yet: set one up under Campaigns first',
  figures: { booked: 'Bookings', attended: 'Checks attended (person-times)' },
  tabs: { hospitals: 'Partner hospitals', slots: 'Time slots', bookings: 'Bookings and attendance' },
  newHospital: 'Add a hospital',
  editHospital: 'Change the hospital',
  newSlot: 'Add a time slot',
  editSlot: 'Change the time slot',
  edit: 'Edit',
  remove: 'Remove',
  removeConfirm: 'Remove it?',
  saved: 'Saved',
  attended: 'Came',
  noShow: 'Did not come',
  allSlots: 'All slots',
  allStatuses: 'All statuses',
  total: '{{total}} in all',
  noResults: 'The union records only whether a worker came; no medical result is taken or kept.',
  fields: { name: 'Hospital', address: 'Address', phone: 'Phone', lng: 'Longitude (WGS-84)', lat: 'Latitude (WGS-84)', hospital: 'Partner hospital', time: 'Time', capacity: 'Places', twoCancer: 'Two-cancer screening (women aged 35–64 only)' },
  col: { name: 'Hospital', address: 'Address', phone: 'Phone', slots: 'Slots', time: 'Time', hospital: 'Hospital', booked: 'Booked/places', attended: 'Came', twoCancer: 'Kind', person: 'Worker', org: 'Union', status: 'Status', markedAt: 'Marked' },
  twoCancer: 'Two-cancer screening',
  general: 'Health check',
  status: { booked: 'Booked', cancelled: 'Cancelled', attended: 'Attended', no_show: 'No-show' },
};
