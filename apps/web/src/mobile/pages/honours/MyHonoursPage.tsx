import type { MyHonours } from '@niangjia/contracts';
import { List, NavBar, Skeleton, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { MedalIcon } from '../../icons';
import { ErrorNotice } from '../ErrorNotice';

/**
 * 我的荣誉 (/m/me/honours): the signed-in worker's own 劳模工匠 honours (title, level, year, awarding
 * body) and the care activities the union recorded for them; a friendly empty state when none.
 */
export function MyHonoursPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<MyHonours>('/me/honours', undefined, { signal }), []);
  const d = mine.data;
  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('myHonours.title')}
      </NavBar>
      {mine.error ? <ErrorNotice error={mine.error} /> : null}
      {!d && !mine.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {d && !d.honours.length ? (
        <section className="nj-section" style={{ padding: '32px 24px', textAlign: 'center' }} data-testid="my-honours-empty">
          <div style={{ color: '#c8102e', marginBottom: 12 }}>
            <MedalIcon size={48} />
          </div>
          <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{t('myHonours.empty')}</h2>
          <p className="nj-muted" style={{ fontSize: 16, margin: 0 }}>
            {t('myHonours.emptyText')}
          </p>
        </section>
      ) : null}
      {d && d.honours.length ? (
        <List mode="card" style={{ margin: 12 }} header={t('myHonours.honours')} data-testid="my-honours">
          {d.honours.map((h) => (
            <List.Item
              key={h.id}
              prefix={
                <span style={{ color: '#c8102e', display: 'flex' }}>
                  <MedalIcon size={28} />
                </span>
              }
              data-testid="my-honour"
              description={
                <>
                  <div>{t('myHonours.awardedBy', { body: h.awardingBody })}</div>
                  <div>{t('myHonours.keptBy', { org: h.orgName })}</div>
                </>
              }
              extra={<span style={{ fontSize: 16 }}>{h.year}</span>}
            >
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                <span data-testid="my-honour-title">{h.titleText ?? t(`myHonours.name.${h.title}`)}</span>
                <Tag color="danger" fill="outline">
                  {t(`myHonours.level.${h.level}`)}
                </Tag>
              </div>
            </List.Item>
          ))}
        </List>
      ) : null}
      {d && d.honours.length ? (
        <List mode="card" style={{ margin: 12 }} header={t('myHonours.cares')} data-testid="my-honour-cares">
          {!d.cares.length ? <List.Item>{t('myHonours.noCares')}</List.Item> : null}
          {d.cares.map((c) => (
            <List.Item key={c.id} description={c.notes ?? c.orgName} extra={c.caredOn} data-testid="my-honour-care">
              {t(`myHonours.care.${c.kind}`)}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
