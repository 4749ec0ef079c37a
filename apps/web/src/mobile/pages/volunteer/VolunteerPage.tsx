import type { MyVolunteer } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Skeleton, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

type Activity = MyVolunteer['activities'][number];

/** 09:00–12:00 on its day (Asia/Shanghai, as the phone's formatting shows it). */
const timeText = (a: { startsAt: string; endsAt: string }) => `${formatDateTime(a.startsAt)}–${formatDateTime(a.endsAt).slice(-5)}`;

/**
 * 志愿服务 (/m/volunteer): my hours and the certificate, the activities of my teams ahead with
 * sign-up and cancelling before the start, and the teams of my union and the unions above it to
 * apply to (the team's organiser approves). Only members of a team sign up for its activities.
 */
export function VolunteerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const my = useRequest((signal) => api.get<MyVolunteer>('/honours/volunteer/my', undefined, { signal }), []);
  const d = my.data;
  const year = Number(formatDateTime(new Date()).slice(0, 4));

  async function run(p: Promise<unknown>, done: string) {
    try {
      await p;
      Toast.show({ icon: 'success', content: done });
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    }
    my.reload();
  }
  async function signUp(a: Activity) {
    if (!(await Dialog.confirm({ content: t('volunteer.signUpConfirm', { title: a.title, time: timeText(a) }), confirmText: t('volunteer.signUp'), cancelText: t('actions.cancel') }))) return;
    await run(api.post(`/honours/volunteer/activities/${a.id}/signup`), t('volunteer.signedUpToast'));
  }
  async function cancel(a: Activity) {
    if (!(await Dialog.confirm({ content: t('volunteer.cancelConfirm'), confirmText: t('volunteer.cancel'), cancelText: t('actions.cancel') }))) return;
    await run(api.delete(`/honours/volunteer/activities/${a.id}/signup`), t('volunteer.cancelled'));
  }
  const certificate = (y?: number) => void api.download('/honours/volunteer/my/certificate', y ? { year: y } : undefined, 'certificate.pdf').catch((e: unknown) => Toast.show({ content: errorText(e), icon: 'fail' }));

  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('volunteer.title')}
      </NavBar>
      {my.error ? <ErrorNotice error={my.error} /> : null}
      {!d && !my.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {d && !d.isMember ? (
        <div style={{ padding: '16px 24px' }} data-testid="volunteer-not-member">
          <p className="nj-muted">{t('volunteer.notMember')}</p>
          <Button size="small" onClick={() => navigate('/join')}>
            {t('volunteer.join')}
          </Button>
        </div>
      ) : null}
      {d ? (
        <>
          <List mode="card" style={{ margin: 12 }} header={t('volunteer.myHours')} data-testid="volunteer-hours">
            <List.Item extra={<span data-testid="volunteer-hours-total">{t('volunteer.hours', { n: d.hours.total })}</span>}>{t('volunteer.total')}</List.Item>
            <List.Item extra={<span data-testid="volunteer-hours-year">{t('volunteer.hours', { n: d.hours.thisYear })}</span>}>{t('volunteer.thisYear')}</List.Item>
            <List.Item extra={d.hours.activities}>{t('volunteer.served')}</List.Item>
            {d.hours.total > 0 ? (
              <List.Item>
                <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                  <Button size="small" color="primary" fill="outline" onClick={() => certificate()} data-testid="volunteer-certificate">
                    {t('volunteer.certificateTotal')}
                  </Button>
                  {d.hours.thisYear > 0 ? (
                    <Button size="small" fill="outline" onClick={() => certificate(year)}>
                      {t('volunteer.certificateYear', { year })}
                    </Button>
                  ) : null}
                </div>
              </List.Item>
            ) : null}
          </List>

          <List mode="card" style={{ margin: 12 }} header={t('volunteer.activities')} data-testid="volunteer-activities">
            {!d.activities.length ? <List.Item>{t('volunteer.noActivities')}</List.Item> : null}
            {d.activities.map((a) => {
              const full = a.signedUp >= a.capacity;
              const open = a.state === 'upcoming';
              return (
                <List.Item
                  key={a.id}
                  data-testid="volunteer-activity"
                  description={
                    <>
                      <div>{timeText(a)}</div>
                      <div>{`${a.place} · ${a.teamName}`}</div>
                      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 6, flexWrap: 'wrap' }}>
                        {a.state !== 'cancelled' ? <span className="nj-muted">{t('volunteer.places', { signed: a.signedUp, capacity: a.capacity })}</span> : null}
                        {a.isSignedUp && a.state !== 'cancelled' ? (
                          <Tag color="success" data-testid="volunteer-signed-up">
                            {t('volunteer.signedUp')}
                          </Tag>
                        ) : null}
                        {open && a.isSignedUp ? (
                          <Button size="small" onClick={() => void cancel(a)} data-testid="volunteer-cancel">
                            {t('volunteer.cancel')}
                          </Button>
                        ) : null}
                        {open && !a.isSignedUp ? (
                          <Button size="small" color="primary" disabled={full} onClick={() => void signUp(a)} data-testid="volunteer-sign-up">
                            {full ? t('volunteer.full') : t('volunteer.signUp')}
                          </Button>
                        ) : null}
                        {!open ? (
                          <Tag color={a.state === 'cancelled' ? 'danger' : 'default'} data-testid="volunteer-activity-state">
                            {t(`volunteer.state.${a.state}`)}
                          </Tag>
                        ) : null}
                      </div>
                      {a.state === 'cancelled' && a.cancelReason ? (
                        <div style={{ marginTop: 4, color: 'var(--adm-color-danger)' }} data-testid="volunteer-cancel-reason">
                          {t('volunteer.cancelReason', { reason: a.cancelReason })}
                        </div>
                      ) : null}
                    </>
                  }
                >
                  <span data-testid="volunteer-activity-title">{a.title}</span>
                </List.Item>
              );
            })}
          </List>

          <List mode="card" style={{ margin: 12 }} header={t('volunteer.teams')} data-testid="volunteer-teams">
            {!d.teams.length ? <List.Item>{t('volunteer.noTeams')}</List.Item> : null}
            {d.teams.map((team) => (
              <List.Item
                key={team.id}
                data-testid="volunteer-team"
                description={
                  <>
                    <div>{`${team.orgName} · ${t('volunteer.leader', { name: team.leaderName })} · ${t('volunteer.members', { n: team.members })}`}</div>
                    {team.description ? <div>{team.description}</div> : null}
                  </>
                }
                extra={
                  team.myStatus ? (
                    <Tag color={team.myStatus === 'active' ? 'success' : 'warning'} data-testid="volunteer-team-status">
                      {t(`volunteer.memberStatus.${team.myStatus}`)}
                    </Tag>
                  ) : (
                    <Button size="small" color="primary" fill="outline" onClick={() => void run(api.post(`/honours/volunteer/teams/${team.id}/join`), t('volunteer.applied'))} data-testid="volunteer-team-join">
                      {t('volunteer.apply')}
                    </Button>
                  )
                }
              >
                <span data-testid="volunteer-team-name">{team.name}</span>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </>
  );
}
