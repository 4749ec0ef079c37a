import { registerMessages } from '../../platform/i18n';

/** Codes of 送健康 (health checks and screening). */
registerMessages({
  // Hospitals and slots hang on a campaign of kind "health" only.
  HEALTH_NOT_HEALTH_CAMPAIGN: ['只有“送健康”类帮扶活动可以设置合作医院和体检时段', 'Only a health campaign has partner hospitals and time slots'],
  HEALTH_SLOT_TIME: ['结束时间须晚于开始时间', 'The slot must end after it starts'],
  HEALTH_SLOT_OUTSIDE_CAMPAIGN: ['体检时段须在活动期间内', 'The slot must fall within the campaign’s period'],
  HEALTH_CAPACITY_BELOW_BOOKED: ['名额不能少于已预约人数（{booked}人）', 'The capacity cannot be below those already booked ({booked})'],
  HEALTH_HOSPITAL_IN_USE: ['该医院已有体检时段，不能删除', 'The hospital has time slots: it cannot be removed'],
  HEALTH_SLOT_IN_USE: ['该时段已有预约，不能删除', 'The slot has bookings: it cannot be removed'],
  // Booking on the phone.
  HEALTH_NOT_A_MEMBER: ['您还不是工会会员，入会后才能预约体检', 'You are not a union member yet: join first, then book'],
  HEALTH_NOT_OPEN: ['该活动未在进行中，不能预约', 'The campaign is not open for bookings'],
  HEALTH_NOT_ELIGIBLE: ['您不符合本次体检活动的参加条件', 'You do not meet the conditions of this health campaign'],
  // 两癌筛查: women aged 35–64 on the day of the slot.
  HEALTH_TWO_CANCER_ONLY: ['“两癌”筛查仅面向 35–64 周岁的女职工', 'The two-cancer screening is for women aged 35 to 64 only'],
  HEALTH_SLOT_PAST: ['该时段已开始或已结束，请选择其他时段', 'This slot has started or is over: choose another'],
  // The conditional update found no free place (the table's check refuses overbooking too).
  HEALTH_SLOT_FULL: ['该时段已约满，请选择其他时段', 'This slot is fully booked: choose another'],
  // One live booking per member and campaign (a partial unique index holds it under concurrency).
  HEALTH_ALREADY_BOOKED: ['您已预约过本次活动的体检，请在“我的体检预约”查看', 'You already have a booking in this campaign: see My health bookings'],
  HEALTH_CANCEL_TOO_LATE: ['体检时段已开始，不能取消', 'The slot has started: the booking can no longer be cancelled'],
  HEALTH_BOOKING_STATE: ['该预约当前状态下不能进行此操作', 'The booking is not in a state for this step'],
  HEALTH_MARK_TOO_EARLY: ['体检时段开始后才能登记到场情况', 'Attendance is marked once the slot has started'],
  // The evening-before reminder (message and SMS) and the staff's 待办 for attendance to mark.
  HEALTH_REMINDER_TITLE: ['明天体检提醒', 'Your health check is tomorrow'],
  HEALTH_REMINDER_BODY: ['您预约了 {date} {time} 在{hospital}（{address}）的免费体检，请按时前往，空腹并携带身份证。', 'You are booked for a free health check on {date} at {time}, {hospital} ({address}). Please come on time, fasting, with your ID card.'],
  TODO_HEALTH_ATTENDANCE: ['{hospital} {date} {time}：{n} 人待登记到场', '{hospital} {date} {time}: {n} to mark attended or not'],
  HEALTH_STATUS_booked: ['已预约', 'Booked'],
  HEALTH_STATUS_cancelled: ['已取消', 'Cancelled'],
  HEALTH_STATUS_attended: ['已到场', 'Attended'],
  HEALTH_STATUS_no_show: ['未到场', 'No-show'],
  ENTITY_health_hospital: ['合作医院', 'partner hospital'],
  ENTITY_health_slot: ['体检时段', 'time slot'],
  ENTITY_health_booking: ['体检预约', 'health booking'],
});
