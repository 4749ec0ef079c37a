import type { Member, MemberDetail } from '@niangjia/contracts';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { EditMemberModal, ReasonModal, TransferModal, type ReasonAction } from './member-modals';

type Dialog = 'edit' | 'transfer' | ReasonAction | null;

/** What staff may do with a membership in its current status, as row links or drawer buttons. */
export function MemberActions({ member, onChanged, onStale, variant }: { member: Member; onChanged: (m: MemberDetail | null) => void; onStale: () => void; variant: 'row' | 'drawer' }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!me.permissions.includes('member.write')) return null;
  const s = member.status;

  const approve = () =>
    modal.confirm({
      title: t('members.approve.title', { name: member.person.realName }),
      content: t('members.approve.hint'),
      okText: t('members.actions.approve'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          const saved = await api.post<MemberDetail>(`/members/${member.id}/approve`, { version: member.version });
          message.success(t('members.approve.done', { number: saved.memberNumber ?? '' }));
          onChanged(saved);
        } catch (e) {
          if (e instanceof ApiError && e.isConflict) {
            message.warning(t('members.conflict.detail'));
            onStale();
          } else message.error(errorText(e));
        }
      },
    });

  const saved = (m: MemberDetail, text: string) => {
    setDialog(null);
    message.success(text);
    onChanged(m);
  };
  const stale = () => {
    setDialog(null);
    onStale();
  };

  const editable = s === 'applied' || s === 'active' || s === 'suspended';
  const others: { key: Exclude<Dialog, null>; label: string; danger?: boolean }[] = [
    ...(editable ? [{ key: 'transfer' as const, label: t('members.actions.transfer') }] : []),
    ...(s === 'active' ? [{ key: 'suspend' as const, label: t('members.actions.suspend'), danger: true }] : []),
    ...(s === 'suspended' ? [{ key: 'resume' as const, label: t('members.actions.resume') }] : []),
    ...(s === 'active' || s === 'suspended' ? [{ key: 'leave' as const, label: t('members.actions.leave'), danger: true }] : []),
  ];
  const approveButtons = s === 'applied' && (
    <>
      <Button size={variant === 'row' ? 'small' : 'middle'} type={variant === 'row' ? 'link' : 'primary'} onClick={approve} data-testid="approve-member">
        {t('members.actions.approve')}
      </Button>
      <Button size={variant === 'row' ? 'small' : 'middle'} type={variant === 'row' ? 'link' : 'default'} danger onClick={() => setDialog('reject')} data-testid="reject-member">
        {t('members.actions.reject')}
      </Button>
    </>
  );

  return (
    <>
      {variant === 'drawer' ? (
        <Space size={8} wrap>
          {approveButtons}
          {editable && (
            <Button onClick={() => setDialog('edit')} data-testid="edit-member">
              {t('members.actions.edit')}
            </Button>
          )}
          {others.map((m) => (
            <Button key={m.key} danger={m.danger ?? false} onClick={() => setDialog(m.key)}>
              {m.label}
            </Button>
          ))}
        </Space>
      ) : (
        // A row keeps one or two links in sight (通过/驳回 for an application, 编辑 otherwise) and the rest under 更多.
        <Space size={0}>
          {approveButtons}
          {s !== 'applied' && editable && (
            <Button size="small" type="link" onClick={() => setDialog('edit')}>
              {t('members.actions.edit')}
            </Button>
          )}
          {(s === 'applied' ? [{ key: 'edit' as const, label: t('members.actions.edit') }, ...others] : others).length > 0 && (
            <Dropdown
              menu={{
                items: (s === 'applied' ? [{ key: 'edit' as const, label: t('members.actions.edit'), danger: false }, ...others] : others).map((m) => ({ key: m.key, label: m.label, danger: m.danger ?? false })),
                onClick: ({ key }) => setDialog(key as Dialog),
              }}
            >
              <Button size="small" type="link">{t('common.more')}</Button>
            </Dropdown>
          )}
        </Space>
      )}
      {dialog === 'edit' && <EditMemberModal member={member} open onClose={() => setDialog(null)} onStale={stale} onSaved={(m) => saved(m, t('members.edit.done'))} />}
      {dialog === 'transfer' && (
        <TransferModal member={member} open onClose={() => setDialog(null)} onStale={stale} onSaved={(m) => saved(m, t('members.transfer.done', { name: m.org.name }))} />
      )}
      {(dialog === 'reject' || dialog === 'suspend' || dialog === 'resume' || dialog === 'leave') && (
        <ReasonModal member={member} action={dialog} open onClose={() => setDialog(null)} onStale={stale} onSaved={(m) => saved(m, t(`members.reason.done.${dialog}`))} />
      )}
    </>
  );
}
