import { registerMessages } from '../../platform/i18n';

/** Codes owned by 志愿服务 (volunteer teams, activities, sign-up, hours served, certificates). */
registerMessages({
  // A team's owning union must be in the caller's write scope.
  VOLUNTEER_ORG_OUT_OF_SCOPE: ['只能为本级管辖范围内的工会组建志愿服务队', 'Set up volunteer teams only for unions within your scope'],
  VOLUNTEER_TEAM_UNKNOWN: ['找不到本级管辖范围内的这支志愿服务队', 'No volunteer team in your scope by that id'],
  VOLUNTEER_TEAM_NAME_TAKEN: ['本工会已有同名的志愿服务队', 'This union already has a volunteer team of that name'],
  // The member is already in the team (or has applied).
  VOLUNTEER_ALREADY_MEMBER: ['此人已是该志愿服务队成员', 'This person is already a member of the team'],
  VOLUNTEER_ALREADY_APPLIED: ['您已申请加入该志愿服务队，请等待审核', 'You have applied to this team already; wait for the organiser'],
  VOLUNTEER_NOT_PENDING: ['没有待审核的入队申请', 'There is no pending application to approve'],
  VOLUNTEER_LEADER_STAYS: ['队长不能移出志愿服务队', 'The team leader cannot be removed'],
  // The caller has no active membership: volunteering is for members.
  VOLUNTEER_NOT_A_MEMBER: ['您还不是工会会员，入会后即可参加志愿服务', 'Join the union first to volunteer'],
  // A worker joins teams of their own union or the unions above it.
  VOLUNTEER_TEAM_NOT_OPEN: ['只能加入本单位及上级工会的志愿服务队', 'You can join the teams of your union and the unions above it only'],
  // Sign-up is for active members of the activity's team.
  VOLUNTEER_NOT_IN_TEAM: ['请先加入该志愿服务队（经审核通过）再报名', 'Join the team (approved) before signing up'],
  VOLUNTEER_ALREADY_SIGNED_UP: ['您已报名该活动', 'You have signed up for this activity already'],
  VOLUNTEER_FULL: ['该活动报名人数已满', 'The activity is full'],
  VOLUNTEER_STARTED: ['活动已开始，不能再报名或取消', 'The activity has started: sign-up and cancelling are closed'],
  VOLUNTEER_NOT_SIGNED_UP: ['您没有报名该活动', 'You have not signed up for this activity'],
  VOLUNTEER_STARTS_PAST: ['活动开始时间不能早于现在', 'The activity cannot start in the past'],
  VOLUNTEER_ENDS_BEFORE_START: ['结束时间须晚于开始时间', 'The end must be after the start'],
  // Hours are confirmed once the activity has ended, at most its length, for its own participants.
  VOLUNTEER_NOT_ENDED: ['活动结束后才能确认服务时长', 'Hours can be confirmed after the activity has ended'],
  VOLUNTEER_HOURS_OVER: ['服务时长不能超过活动时长（{max} 小时）', 'Hours cannot exceed the activity’s length ({max} hours)'],
  // A walk-in is added once the activity has started (before it, members sign up themselves), from the team's members.
  VOLUNTEER_NOT_STARTED: ['活动开始后才能补录参与人员', 'Participants can be added once the activity has started'],
  VOLUNTEER_NOT_TEAM_MEMBER: ['此人不是该志愿服务队的在队成员', 'This person is not a member of the team'],
  VOLUNTEER_ALREADY_PARTICIPANT: ['此人已在参与名单中', 'This person is already a participant'],
  VOLUNTEER_SIGNUP_UNKNOWN: ['该报名不属于这个活动', 'The sign-up does not belong to this activity'],
  VOLUNTEER_NO_HOURS: ['还没有已确认的志愿服务时长', 'No confirmed volunteer hours yet'],
  // Editing and dissolving a team; a move stays in the team's district (its rows are keyed by it).
  VOLUNTEER_ORG_OTHER_DISTRICT: ['志愿服务队只能调整到同一区县内的工会', 'A team can move only to a union in the same district'],
  VOLUNTEER_TEAM_DISSOLVED: ['该志愿服务队已解散', 'This volunteer team has been dissolved'],
  VOLUNTEER_TEAM_HAS_UPCOMING: ['该队还有 {n} 项未开始的活动，请先取消或办完再解散', 'The team has {n} activities ahead: cancel or hold them before dissolving it'],
  // Editing and cancelling an activity.
  VOLUNTEER_CAPACITY_BELOW_SIGNED_UP: ['招募人数不能少于已报名的 {n} 人', 'The headcount cannot be below the {n} signed up'],
  VOLUNTEER_TIMES_LOCKED: ['活动已开始，不能再修改时间', 'The activity has started: its times cannot change'],
  VOLUNTEER_NOT_OPEN: ['活动已取消或已确认时长，不能再修改', 'The activity is cancelled or its hours are confirmed: it cannot change'],
  VOLUNTEER_CANCEL_STARTED: ['活动已开始，不能取消', 'The activity has started and cannot be cancelled'],
  VOLUNTEER_ACTIVITY_CANCELLED: ['该活动已取消', 'This activity has been cancelled'],
  NOTIFY_VOLUNTEER_CANCELLED: ['志愿活动已取消：{title}', 'Volunteer activity cancelled: {title}'],
  NOTIFY_VOLUNTEER_CANCELLED_BODY: ['原定 {at} 的活动已取消。取消原因：{reason}', 'The activity at {at} is cancelled. Reason: {reason}'],
  NOTIFY_VOLUNTEER_REMINDER: ['志愿活动提醒：{title}', 'Volunteer activity reminder: {title}'],
  NOTIFY_VOLUNTEER_REMINDER_BODY: ['活动将于 {at} 开始，地点：{place}。', 'It starts at {at} at {place}.'],
  TODO_VOLUNTEER_HOURS: ['{title}（{date}）：{n} 人的服务时长待确认', '{title} ({date}): hours of {n} to confirm'],
  ENTITY_volunteer_team: ['志愿服务队', 'volunteer team'],
  ENTITY_volunteer_activity: ['志愿活动', 'volunteer activity'],
  ENTITY_volunteer_signup: ['活动报名', 'sign-up'],
  ENTITY_volunteer_person: ['志愿者', 'volunteer'],
});
