import type { NoticeFeed } from '@niangjia/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { NoticeRow } from './NoticesPage';

/** The home page's 通知公告: the latest three of my union chain, and 更多. Hidden when there are none. */
export function NoticesArea() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const feed = useRequest((signal) => api.get<NoticeFeed>('/notice-feed', { limit: 3 }, { signal, skipAuthRedirect: true }), [me?.user.id]);
  if (!feed.data?.items.length) return null;
  return (
    <section className="nj-section" aria-labelledby="home-notices" data-testid="home-notices">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', paddingRight: 16 }}>
        <h2 id="home-notices" className="nj-section-title">
          {t('notices.title')}
        </h2>
        <a onClick={() => navigate('/notices')} style={{ fontSize: 15 }}>
          {t('notices.more')}
        </a>
      </div>
      {feed.data.items.map((n) => (
        <NoticeRow key={n.id} n={n} onOpen={() => navigate(`/notices/${n.id}`)} />
      ))}
    </section>
  );
}
