import type { FeedNotice } from '@niangjia/contracts';
import { NavBar, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

/** One notice (/m/notices/:id), its text as typed (line breaks kept, never HTML). */
export function NoticeDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const notice = useRequest((signal) => api.get<FeedNotice>(`/notice-feed/${id}`, undefined, { signal, skipAuthRedirect: true }), [id]);
  const n = notice.data;
  return (
    <>
      <NavBar onBack={() => navigate('/notices')} style={{ background: '#fff' }}>
        {t('notices.title')}
      </NavBar>
      {notice.error ? <ErrorNotice error={notice.error} /> : null}
      {!n ? (
        notice.error ? null : (
          <div className="nj-section" style={{ padding: 16 }}>
            <Skeleton.Title animated />
            <Skeleton.Paragraph lineCount={6} animated />
          </div>
        )
      ) : (
        <article className="nj-section" style={{ padding: '18px 16px 24px' }} data-testid="notice-detail">
          <h1 style={{ fontSize: 20, lineHeight: 1.4, margin: '0 0 8px' }}>{n.title}</h1>
          <p className="nj-muted" style={{ margin: '0 0 16px', fontSize: 14 }}>
            {n.orgName} · {formatDateTime(n.publishedAt)}
          </p>
          <div style={{ whiteSpace: 'pre-wrap', fontSize: 17, lineHeight: 1.75, color: '#222' }}>{n.body}</div>
        </article>
      )}
    </>
  );
}
