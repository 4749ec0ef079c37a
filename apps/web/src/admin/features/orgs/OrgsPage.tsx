import type { OrgDetail } from '@niangjia/contracts';
import { Button, Card, Col, Empty, Input, Row, Select, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ORG_TYPES } from '../../../shared/domain';
import { useScope } from '../../layout/scope';
import { OrgChildrenTable } from './OrgChildrenTable';
import { OrgDetailPanel } from './OrgDetailPanel';
import { OrgTree, type OrgTreeHandle } from './OrgTree';

export function OrgsPage() {
  const { t } = useTranslation();
  const { orgId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { scope } = useScope();
  const tree = useRef<OrgTreeHandle>(null);
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? undefined;
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const open = useCallback((id: string) => navigate(`/orgs/${id}`), [navigate]);
  const onLoaded = useCallback((org: OrgDetail) => {
    void tree.current?.reveal([...org.ancestors.map((a) => a.id), org.id]);
  }, []);

  if (!scope) return <Empty description={t('scope.none')} />;
  if (!orgId && !q && !type) return <Navigate to={`/orgs/${scope.id}`} replace />;

  const search = (value: string, nextType = type) => {
    const next = new URLSearchParams();
    if (value.trim()) next.set('q', value.trim());
    if (nextType) next.set('type', nextType);
    void navigate(next.toString() ? `/orgs?${next.toString()}` : `/orgs/${orgId ?? scope.id}`);
  };
  const isSearching = !!q || !!type;

  return (
    <Row gutter={16} wrap={false} style={{ alignItems: 'flex-start' }}>
      <Col flex="300px" style={{ minWidth: 240, maxWidth: 320 }}>
        <Card size="small" styles={{ body: { padding: 12 } }} style={{ position: 'sticky', top: 76 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.Search
              placeholder={t('orgs.searchPlaceholder')}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onSearch={(v) => search(v)}
              allowClear
              aria-label={t('orgs.searchPlaceholder')}
            />
            <div style={{ maxHeight: 'calc(100vh - 200px)', overflow: 'auto' }} data-testid="org-tree">
              <OrgTree ref={tree} root={scope} selectedId={orgId} onSelect={open} />
            </div>
          </Space>
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {isSearching ? (
          <Card
            title={t('orgs.searchTitle', { q })}
            extra={
              <Space>
                <Select
                  allowClear
                  placeholder={t('orgs.fields.type')}
                  style={{ width: 160 }}
                  value={type}
                  options={ORG_TYPES.map((ty) => ({ value: ty, label: t(`orgTypes.${ty}`) }))}
                  onChange={(v: string | undefined) => search(q, v)}
                />
                <Button onClick={() => { setParams({}); void navigate(`/orgs/${scope.id}`); }}>{t('orgs.backToTree')}</Button>
              </Space>
            }
          >
            <OrgChildrenTable
              query={{ under: scope.id, ...(q ? { q } : {}), ...(type ? { type } : {}) }}
              onOpen={open}
              emptyText={t('orgs.noResults', { q })}
            />
          </Card>
        ) : orgId ? (
          <OrgDetailPanel
            key={orgId}
            orgId={orgId}
            onOpen={open}
            onLoaded={onLoaded}
            onTreeChanged={(ids) => void tree.current?.refresh(ids)}
          />
        ) : null}
      </Col>
    </Row>
  );
}
