import type { OrgRef } from '@niangjia/contracts';
import { App, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api';
import { listAllChildren } from './org-data';

type Node = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean; disabled?: boolean; ref: OrgRef };

type Props = {
  roots: readonly OrgRef[];
  value?: string | null | undefined;
  onChange?: (value: string | undefined, node: { ref: OrgRef; trail: string[] } | undefined) => void;
  placeholder?: string;
  /** Nodes (and their subtrees) that may not be chosen, e.g. the node being moved. */
  disabledIds?: readonly string[];
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  status?: '' | 'error' | 'warning';
  size?: 'small' | 'middle' | 'large';
  variant?: 'outlined' | 'borderless' | 'filled' | 'underlined';
  /** Label for a value whose node is not loaded yet (a deep node chosen earlier). */
  valueLabel?: string;
};

/** Picks an org node, loading children as branches open (GET /orgs?parentId=). */
export function OrgTreeSelect({ roots, value, onChange, placeholder, disabledIds = [], allowClear, style, id, status, size, variant, valueLabel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [nodes, setNodes] = useState<Node[]>([]);

  useEffect(() => {
    setNodes(
      roots.map((r) => ({ id: r.id, pId: null, value: r.id, title: r.name, isLeaf: false, ref: r, disabled: disabledIds.includes(r.id) })),
    );
    // Roots change only when the session does.
  }, [roots]);

  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);

  const trailOf = (nodeId: string): string[] => {
    const trail: string[] = [];
    let cursor = byId.get(nodeId);
    while (cursor) {
      trail.unshift(cursor.title);
      cursor = cursor.pId ? byId.get(cursor.pId) : undefined;
    }
    return trail;
  };

  const loadData = async (treeNode: { id?: unknown; value?: unknown }) => {
    const parentId = String(treeNode.value ?? treeNode.id);
    if (nodes.some((n) => n.pId === parentId)) return;
    try {
      const children = await listAllChildren(parentId);
      const parent = byId.get(parentId);
      const parentDisabled = parent?.disabled ?? false;
      setNodes((prev) => [
        ...prev,
        ...children
          .filter((c) => !prev.some((p) => p.id === c.id))
          .map((c) => ({
            id: c.id,
            pId: parentId,
            value: c.id,
            title: c.status === 'closed' ? `${c.name}（${t('orgs.status.closed')}）` : c.name,
            isLeaf: c.childCount === 0,
            disabled: parentDisabled || disabledIds.includes(c.id),
            ref: { id: c.id, code: c.code, name: c.name, type: c.type },
          })),
      ]);
      if (children.length === 0) setNodes((prev) => prev.map((n) => (n.id === parentId ? { ...n, isLeaf: true } : n)));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={nodes}
      loadData={loadData}
      labelInValue
      value={value ? { value, label: byId.get(value)?.title ?? valueLabel ?? value } : undefined}
      onChange={(picked: { value: string; label?: React.ReactNode } | undefined) => {
        const v = picked?.value;
        const node = v ? byId.get(v) : undefined;
        onChange?.(v, node ? { ref: node.ref, trail: trailOf(node.id) } : undefined);
      }}
      placeholder={placeholder ?? t('orgs.pickOrg')}
      allowClear={allowClear}
      showSearch={false}
      style={style}
      popupMatchSelectWidth={false}
      status={status}
      size={size}
      variant={variant}
      treeNodeLabelProp="title"
    />
  );
}
