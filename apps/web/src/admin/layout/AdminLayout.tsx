import { DownOutlined, LaptopOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe, useSession } from '../../shared/session';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { canUseMenuLeaf, findSelected, isGroup, MENU } from './menu';
import { useScope } from './scope';

const { Header, Sider, Content } = Layout;

export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { scope, trail, setScope } = useScope();
  const [collapsed, setCollapsed] = useState(false);
  const selected = findSelected(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => MENU.filter(isGroup).map((g) => g.key));

  // The active item stays in view in the scrolling menu (a page deep in 爱心基金 at 768 px high).
  useEffect(() => {
    const group = selected.group;
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
    const frame = requestAnimationFrame(() => document.querySelector('.admin-sider .ant-menu-item-selected')?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [selected.leaf, selected.group]);

  const items = useMemo<MenuProps['items']>(() => {
    return MENU.flatMap((entry) => {
      if (!isGroup(entry)) return canUseMenuLeaf(entry, me) ? [{ key: entry.path, icon: entry.icon, label: t(entry.labelKey) }] : [];
      const children = entry.items.filter((i) => canUseMenuLeaf(i, me)).map((i) => ({ key: i.path, icon: i.icon, label: t(i.labelKey) }));
      return children.length ? [{ key: entry.key, icon: entry.icon, label: t(entry.labelKey), children }] : [];
    });
  }, [me, t]);

  const userMenu: MenuProps['items'] = [
    { key: 'sessions', icon: <LaptopOutlined />, label: t('sessions.title') },
    { type: 'divider' },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('actions.signOut'), danger: true },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={216}
        theme="dark"
        className="admin-sider"
        style={{ position: 'sticky', top: 0, height: '100vh' }}
      >
        <div
          style={{ height: 56, display: 'flex', alignItems: 'center', gap: 10, padding: '0 20px', color: '#fff', fontWeight: 600, fontSize: 17, whiteSpace: 'nowrap', overflow: 'hidden' }}
        >
          <span style={{ display: 'inline-flex', width: 28, height: 28, borderRadius: 6, background: '#c8102e', alignItems: 'center', justifyContent: 'center', flex: 'none' }}>娘</span>
          {!collapsed && <span>{t('admin.brand')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected.leaf ? [selected.leaf] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        {/* z-index above antd's fixed table columns (11 and up), which scroll under the header. */}
        <Header
          style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 100, height: 56, lineHeight: '56px' }}
        >
          <Space size={8} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t('scope.label')}
            </Typography.Text>
            {me.scopeRoots.length ? (
              <OrgTreeSelect
                roots={me.scopeRoots}
                value={scope?.id}
                valueLabel={scope?.name}
                onChange={(_, node) => node && setScope(node.ref, node.trail)}
                style={{ minWidth: 220, maxWidth: 420 }}
                variant="filled"
              />
            ) : !me.isStaff && me.permissions.includes('market.provider') ? (
              <Typography.Text>{t('market.menu.portal')}</Typography.Text>
            ) : (
              <Typography.Text>{t('scope.none')}</Typography.Text>
            )}
            {trail.length > 1 && (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {trail.join(' ▸ ')}
              </Typography.Text>
            )}
          </Space>
          <NotificationBell />
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: userMenu,
              onClick: ({ key }) => {
                if (key === 'sessions') void navigate('/sessions');
                if (key === 'signOut') void signOut().then(() => navigate('/login', { replace: true }));
              },
            }}
          >
            <a onClick={(e) => e.preventDefault()} style={{ color: 'inherit', whiteSpace: 'nowrap' }} data-testid="user-menu">
              <Space size={6}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c8102e' }} />
                {me.user.displayName}
                <DownOutlined style={{ fontSize: 10 }} />
              </Space>
            </a>
          </Dropdown>
        </Header>
        <Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
