import type { FeedNotice, NoticeFeed } from '@niangjia/contracts';
import { Button, NavBar, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const PAGE = 20;

/** One notice in a list: pinned mark, title, who and when, first lines. */
export function NoticeRow({ n, onOpen }: { n: FeedNotice; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="nj-notice" onClick={onOpen} data-testid="notice">
      <span className="nj-notice-title">
        {n.isPinned && <span className="nj-pin">{t('notices.pinned')}</span>}
        {n.title}
      </span>
      <span className="nj-notice-meta">
        {n.orgName} · {formatDate(n.publishedAt)}
      </span>
    </button>
  );
}

/** 通知公告 (/m/notices): the notices of my union and the unions above it. */
export function NoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [limit, setLimit] = useState(PAGE);
  const feed = useRequest((signal) => api.get<NoticeFeed>('/notice-feed', { limit }, { signal, skipAuthRedirect: true }), [limit]);
  return (
    <>
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        {t('notices.title')}
      </NavBar>
      {feed.data?.chain.length ? <p className="nj-muted" style={{ margin: '12px 16px 0', fontSize: 14 }}>{t('notices.from', { chain: feed.data.chain.join(' ▸ ') })}</p> : null}
      {feed.error ? <ErrorNotice error={feed.error} /> : null}
      {!feed.data ? (
        <div className="nj-section" style={{ padding: 16 }}>
          <Skeleton.Paragraph lineCount={6} animated />
        </div>
      ) : feed.data.items.length === 0 ? (
        <div className="nj-section nj-muted" style={{ padding: 24, textAlign: 'center' }}>
          {t('notices.empty')}
        </div>
      ) : (
        <div className="nj-section">
          {feed.data.items.map((n) => (
            <NoticeRow key={n.id} n={n} onOpen={() => navigate(`/notices/${n.id}`)} />
          ))}
          {feed.data.items.length === limit && (
            <div style={{ padding: 12 }}>
              <Button block onClick={() => setLimit((l) => Math.min(50, l + PAGE))} disabled={limit >= 50}>
                {t('notify.loadMore')}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
