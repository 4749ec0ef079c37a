import type { Issue } from '@niangjia/contracts';
import { NavBar, Skeleton, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

type Mine = {
  issues: Issue[];
  ratings: {
    month: string;
    stars: number;
    position: { code: string; name: string };
  }[];
};
const STATUS_COLORS = {
  open: 'danger',
  assigned: 'primary',
  resolved: 'success',
} as const;

/** 我的 ▸ 我的反馈 (/m/me/feedback): my reports with their status and the union's note, and my ratings. */
export function MyFeedbackPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<Mine>('/feedback/mine', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('myFeedback.title')}
      </NavBar>
      <div style={{ padding: '4px 12px 16px' }}>
        {mine.error ? <ErrorNotice error={mine.error} /> : null}
        {!mine.data ? (
          <div className="nj-section" style={{ margin: '8px 0', padding: 16 }}>
            <Skeleton.Paragraph lineCount={4} animated />
          </div>
        ) : (
          <>
            <h2 className="nj-section-title" style={{ padding: '12px 4px 8px' }}>
              {t('myFeedback.reports')}
            </h2>
            {mine.data.issues.length === 0 && (
              <div className="nj-section nj-muted" style={{ margin: 0, padding: 16 }}>
                {t('myFeedback.noReports')}
              </div>
            )}
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="my-issues">
              {mine.data.issues.map((i) => (
                <li key={i.id} className="nj-section" style={{ margin: '0 0 12px', padding: 16 }} data-testid="my-issue">
                  <div
                    style={{
                      display: 'flex',
                      justifyContent: 'space-between',
                      gap: 8,
                    }}
                  >
                    <strong style={{ fontSize: 17 }}>{i.position.name}</strong>
                    <Tag color={STATUS_COLORS[i.status]} fill="solid" style={{ fontSize: 13, flex: 'none' }} data-testid="my-issue-status">
                      {t(`feedback.statuses.${i.status}`)}
                    </Tag>
                  </div>
                  <p className="nj-muted" style={{ margin: '4px 0' }}>
                    {t(`feedback.categories.${i.category}`)} · {formatDateTime(i.createdAt)} · {i.number}
                  </p>
                  <p style={{ margin: '6px 0', fontSize: 16, lineHeight: 1.5 }}>{i.text}</p>
                  {i.resolutionNote && (
                    <div
                      style={{
                        background: '#f6ffed',
                        borderRadius: 8,
                        padding: '10px 12px',
                        marginTop: 8,
                        fontSize: 16,
                        lineHeight: 1.5,
                      }}
                      data-testid="my-issue-note"
                    >
                      <strong>{t('myFeedback.reply')}</strong>
                      {i.resolutionNote}
                    </div>
                  )}
                  <a className="nj-link-button" href={`/p/${i.position.code}`} style={{ display: 'inline-block' }}>
                    {t('myFeedback.openPosition')}
                  </a>
                </li>
              ))}
            </ul>
            <h2 className="nj-section-title" style={{ padding: '12px 4px 8px' }}>
              {t('myFeedback.ratings')}
            </h2>
            {mine.data.ratings.length === 0 ? (
              <div className="nj-section nj-muted" style={{ margin: 0, padding: 16 }}>
                {t('myFeedback.noRatings')}
              </div>
            ) : (
              <ul className="nj-section" style={{ listStyle: 'none', margin: 0, padding: '4px 16px' }}>
                {mine.data.ratings.map((r) => (
                  <li
                    key={`${r.position.code}-${r.month}`}
                    style={{
                      padding: '10px 0',
                      borderBottom: '1px solid #f0f0f0',
                      fontSize: 16,
                      lineHeight: 1.5,
                    }}
                  >
                    <a href={`/p/${r.position.code}`} style={{ color: 'inherit', display: 'block' }}>
                      {r.position.name}
                    </a>
                    <span style={{ color: '#fa8c16' }}>{'★'.repeat(r.stars)}</span> <span className="nj-muted">{r.month}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </>
  );
}
