import { ageBands, type AgeBand, type MatchmakingContact, type MatchmakingMatch, type MatchmakingMe, type MatchmakingProfile } from '@niangjia/contracts';
import { Button, Checkbox, Dialog, Input, NavBar, Selector, Skeleton, Tabs, Tag, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const photoUrl = (eventId: string, profileId: string) => `/api/v1/events/matchmaking/${eventId}/profiles/${profileId}/photo`;

function ProfileCard({ eventId, p, children }: { eventId: string; p: MatchmakingProfile; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="nj-card" data-testid="mm-profile" style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
      {p.hasPhoto ? (
        <img src={photoUrl(eventId, p.id)} alt={p.nickname} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 8, flex: '0 0 72px' }} />
      ) : (
        <div aria-hidden style={{ width: 72, height: 72, borderRadius: 8, background: '#f3e3e3', flex: '0 0 72px', display: 'grid', placeItems: 'center', fontSize: 28 }}>
          {p.nickname.slice(0, 1)}
        </div>
      )}
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <strong style={{ fontSize: 17 }}>{p.nickname}</strong>
          <Tag color="default">{`${p.ageBand} ${t('matchmaking.ageBand')}`}</Tag>
        </div>
        {p.intro ? <p style={{ margin: '6px 0 0', fontSize: 16, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.intro}</p> : null}
        {children}
      </div>
    </section>
  );
}

/** 我的资料: opt in, edit, or withdraw (which erases everything). */
function ProfileTab({ me, reload }: { me: MatchmakingMe; reload: () => void }) {
  const { t } = useTranslation();
  const [nickname, setNickname] = useState(me.profile?.nickname ?? '');
  const [ageBand, setAgeBand] = useState<AgeBand | undefined>(me.profile?.ageBand);
  const [intro, setIntro] = useState(me.profile?.intro ?? '');
  const [photoId, setPhotoId] = useState<string | null | undefined>(undefined); // undefined: keep the current one
  const [isBusy, setBusy] = useState(false);
  const hasPhoto = photoId === undefined ? Boolean(me.profile?.hasPhoto) : photoId !== null;
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      Toast.show({ icon: 'success', content: done });
      reload();
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      setPhotoId((await api.sendFile<{ id: string }>('/photos', file)).id);
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    } finally {
      setBusy(false);
    }
  };
  if (!me.isRegistered) return <p className="nj-muted" style={{ padding: 16 }}>{t('matchmaking.notRegistered')}</p>;
  return (
    <div style={{ padding: 12, display: 'grid', gap: 12 }}>
      <label>
        <div style={{ fontSize: 16, marginBottom: 4 }}>{t('matchmaking.nickname')}</div>
        <Input value={nickname} onChange={setNickname} maxLength={20} placeholder={t('matchmaking.nicknamePlaceholder')} data-testid="mm-nickname" style={{ '--font-size': '16px' }} />
      </label>
      <div>
        <div style={{ fontSize: 16, marginBottom: 4 }}>{t('matchmaking.ageBand')}</div>
        <Selector columns={4} options={ageBands.map((b) => ({ label: b, value: b }))} value={ageBand ? [ageBand] : []} onChange={(v) => setAgeBand(v[0])} data-testid="mm-age" />
      </div>
      <label>
        <div style={{ fontSize: 16, marginBottom: 4 }}>{t('matchmaking.intro')}</div>
        <TextArea value={intro} onChange={setIntro} maxLength={200} showCount rows={3} placeholder={t('matchmaking.introPlaceholder')} data-testid="mm-intro" />
      </label>
      <div>
        <div style={{ fontSize: 16, marginBottom: 4 }}>{t('matchmaking.photo')}</div>
        {hasPhoto && me.profile && photoId === undefined ? <img src={photoUrl(me.eventId, me.profile.id)} alt="" width={96} height={96} style={{ objectFit: 'cover', borderRadius: 8 }} /> : null}
        {photoId ? <Tag color="success">{t('matchmaking.photoReady')}</Tag> : null}
        <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
          <label className="adm-button adm-button-default adm-button-shape-default" style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center', padding: '0 12px' }}>
            {t('matchmaking.addPhoto')}
            <input type="file" accept="image/jpeg,image/png,image/webp" hidden onChange={(e) => void upload(e.target.files?.[0])} />
          </label>
          {hasPhoto ? <Button onClick={() => setPhotoId(null)}>{t('matchmaking.removePhoto')}</Button> : null}
        </div>
      </div>
      <Button
        block
        color="primary"
        size="large"
        loading={isBusy}
        disabled={!nickname.trim() || !ageBand}
        data-testid="mm-save"
        onClick={() =>
          // No photoId: the server keeps the current photo.
          void run(() => api.put(`/events/matchmaking/${me.eventId}/profile`, { nickname: nickname.trim(), ageBand, intro: intro.trim(), ...(photoId !== undefined ? { photoId } : {}) }), t('matchmaking.saved'))
        }
      >
        {me.profile ? t('matchmaking.save') : t('matchmaking.optIn')}
      </Button>
      {me.profile ? (
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          data-testid="mm-withdraw"
          onClick={() => void Dialog.confirm({ content: t('matchmaking.withdrawConfirm'), onConfirm: () => run(() => api.delete(`/events/matchmaking/${me.eventId}/profile`), t('matchmaking.withdrawn')) })}
        >
          {t('matchmaking.withdraw')}
        </Button>
      ) : null}
    </div>
  );
}

/** 参与者: the other checked-in participants; pick up to N while the window is open. */
function BrowseTab({ me, reload }: { me: MatchmakingMe; reload: () => void }) {
  const { t } = useTranslation();
  const canSee = me.isCheckedIn && me.profile !== null;
  const list = useRequest((signal) => (canSee ? api.get<{ items: MatchmakingProfile[] }>(`/events/matchmaking/${me.eventId}/profiles`, undefined, { signal }) : Promise.resolve({ items: [] })), [me.eventId, canSee]);
  const [picked, setPicked] = useState<string[]>(me.myPicks);
  useEffect(() => setPicked(me.myPicks), [me.myPicks]);
  if (!me.isCheckedIn) return <p className="nj-muted" style={{ padding: 16 }}>{t('matchmaking.notCheckedIn')}</p>;
  if (!me.profile) return <p className="nj-muted" style={{ padding: 16 }}>{t('matchmaking.noProfile')}</p>;
  const isPicking = me.phase === 'picking';
  return (
    <div style={{ paddingBottom: 24 }}>
      <p style={{ padding: '0 16px', fontSize: 16 }}>
        {me.phase === 'before' ? t('matchmaking.before', { at: formatDateTime(me.picksOpenAt) }) : isPicking ? t('matchmaking.picking', { n: me.maxPicks, at: formatDateTime(me.picksCloseAt) }) : t('matchmaking.revealed')}
      </p>
      {!list.data ? list.error ? <ErrorNotice error={list.error} /> : <Skeleton.Paragraph lineCount={4} animated style={{ margin: 12 }} /> : null}
      {list.data && !list.data.items.length ? <p className="nj-muted" style={{ textAlign: 'center', padding: 24 }}>{t('matchmaking.nobody')}</p> : null}
      {list.data?.items.map((p) => (
        <ProfileCard key={p.id} eventId={me.eventId} p={p}>
          {isPicking ? (
            <Checkbox
              style={{ marginTop: 8, '--icon-size': '24px', '--font-size': '16px' }}
              checked={picked.includes(p.id)}
              disabled={!picked.includes(p.id) && picked.length >= me.maxPicks}
              onChange={(on) => setPicked((xs) => (on ? [...xs, p.id] : xs.filter((x) => x !== p.id)))}
              data-testid="mm-pick"
            >
              {t('matchmaking.pick')}
            </Checkbox>
          ) : null}
        </ProfileCard>
      ))}
      {isPicking && list.data?.items.length ? (
        <div style={{ padding: '0 12px', display: 'grid', gap: 8 }}>
          <p className="nj-muted" style={{ margin: 0 }}>{t('matchmaking.picksCount', { n: picked.length, max: me.maxPicks })}</p>
          <Button
            block
            color="primary"
            size="large"
            data-testid="mm-save-picks"
            onClick={() =>
              void api
                .put(`/events/matchmaking/${me.eventId}/picks`, { profileIds: picked })
                .then(() => {
                  Toast.show({ icon: 'success', content: t('matchmaking.picksSaved') });
                  reload();
                })
                .catch((e: unknown) => Dialog.alert({ content: errorText(e), confirmText: 'OK' }))
            }
          >
            {t('matchmaking.savePicks')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** 配对结果: mutual picks after the deadline; confirm, then the contact. */
function MatchesTab({ me }: { me: MatchmakingMe }) {
  const { t } = useTranslation();
  const matches = useRequest((signal) => api.get<{ items: MatchmakingMatch[] }>(`/events/matchmaking/${me.eventId}/matches`, undefined, { signal }), [me.eventId, me.phase]);
  const [contacts, setContacts] = useState<Record<string, MatchmakingContact>>({});
  if (me.phase !== 'revealed') return <p className="nj-muted" style={{ padding: 16 }}>{t('matchmaking.matchesLater', { at: formatDateTime(me.picksCloseAt) })}</p>;
  const answer = async (m: MatchmakingMatch, yes: boolean) => {
    try {
      await api.post(`/events/matchmaking/${me.eventId}/matches/${m.id}/${yes ? 'confirm' : 'decline'}`);
      matches.reload();
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    }
  };
  const showContact = async (m: MatchmakingMatch) => {
    try {
      const c = await api.get<MatchmakingContact>(`/events/matchmaking/${me.eventId}/matches/${m.id}/contact`);
      setContacts((x) => ({ ...x, [m.id]: c }));
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    }
  };
  return (
    <div style={{ paddingBottom: 24 }}>
      {!matches.data ? matches.error ? <ErrorNotice error={matches.error} /> : <Skeleton.Paragraph lineCount={3} animated style={{ margin: 12 }} /> : null}
      {matches.data && !matches.data.items.length ? <p className="nj-muted" style={{ textAlign: 'center', padding: 24 }}>{t('matchmaking.noMatches')}</p> : null}
      {matches.data?.items.map((m) =>
        m.partner ? (
          <ProfileCard key={m.id} eventId={me.eventId} p={m.partner}>
            <div data-testid="mm-match" style={{ marginTop: 8, display: 'grid', gap: 8 }}>
              <Tag color={m.status === 'confirmed' ? 'success' : m.status === 'declined' ? 'default' : 'primary'}>{t(`matchmaking.status.${m.status}`)}</Tag>
              {m.status === 'pending' ? (
                <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                  <Button color="primary" data-testid="mm-confirm" onClick={() => void answer(m, true)}>
                    {t('matchmaking.confirm')}
                  </Button>
                  <Button onClick={() => void Dialog.confirm({ content: t('matchmaking.declineConfirm'), onConfirm: () => answer(m, false) })}>{t('matchmaking.decline')}</Button>
                </div>
              ) : null}
              {m.status === 'confirmed' ? (
                contacts[m.id] ? (
                  <p data-testid="mm-contact" style={{ margin: 0, fontSize: 17 }}>
                    {`${t('matchmaking.phone')}：`}
                    {contacts[m.id]!.phone ? <a href={`tel:${contacts[m.id]!.phone}`}>{contacts[m.id]!.phone}</a> : '—'}
                  </p>
                ) : (
                  <Button color="primary" fill="outline" data-testid="mm-show-contact" onClick={() => void showContact(m)}>
                    {t('matchmaking.showContact')}
                  </Button>
                )
              ) : null}
            </div>
          </ProfileCard>
        ) : (
          <section key={m.id} className="nj-card">
            <Tag color="default">{t('matchmaking.partnerGone')}</Tag>
          </section>
        ),
      )}
    </div>
  );
}

/** /m/matchmaking/:eventId — the participant's phone during and after a matchmaking event. */
export function MatchmakingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { eventId = '' } = useParams();
  const me = useRequest((signal) => api.get<MatchmakingMe>(`/events/matchmaking/${eventId}/me`, undefined, { signal }), [eventId]);
  const [tab, setTab] = useState<string | null>(null);
  const m = me.data;
  const active = tab ?? (m?.phase === 'revealed' ? 'matches' : m?.profile && m.isCheckedIn ? 'browse' : 'profile');
  return (
    <>
      <NavBar onBack={() => navigate('/events/mine')} style={{ background: '#fff' }}>
        {t('matchmaking.title')}
      </NavBar>
      {!m ? (
        me.error ? (
          <div style={{ padding: 12 }}>
            <ErrorNotice error={me.error} />
          </div>
        ) : (
          <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} />
        )
      ) : (
        <>
          <section className="nj-card" data-testid="mm-header">
            <strong style={{ fontSize: 17 }}>{m.title}</strong>
            <p style={{ margin: '6px 0', fontSize: 15 }}>{formatDateTime(m.startsAt)}</p>
            <p style={{ margin: 0, fontSize: 15 }}>{t('matchmaking.privacy')}</p>
          </section>
          <Tabs activeKey={active} onChange={setTab}>
            <Tabs.Tab title={t('matchmaking.tabProfile')} key="profile">
              <ProfileTab key={m.profile?.id ?? 'new'} me={m} reload={me.reload} />
            </Tabs.Tab>
            <Tabs.Tab title={t('matchmaking.tabBrowse')} key="browse">
              <BrowseTab me={m} reload={me.reload} />
            </Tabs.Tab>
            <Tabs.Tab title={t('matchmaking.tabMatches')} key="matches">
              <MatchesTab me={m} />
            </Tabs.Tab>
          </Tabs>
        </>
      )}
    </>
  );
}
