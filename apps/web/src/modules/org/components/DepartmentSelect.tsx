import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listDepartments, orgKeys } from '../api';
import { buildDepartmentTree, subtreeIds, type DepartmentNode } from '../department-tree';

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** A department being edited: it and its children cannot be its parent. */
  excludeSubtreeOf?: number;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
};

type TreeOption = { value: number; title: string; disabled?: boolean; children?: TreeOption[] };

function toOptions(nodes: DepartmentNode[], blocked: Set<number>): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: blocked.has(n.id) || !n.active,
    children: n.children ? toOptions(n.children, blocked) : undefined,
  }));
}

/** Pick a department from the tree; inactive ones are shown but cannot be chosen. */
export function DepartmentSelect({ value, onChange, excludeSubtreeOf, placeholder, id, style }: Props) {
  const { t } = useTranslation();
  const { data, isLoading } = useQuery({ queryKey: orgKeys.departments, queryFn: ({ signal }) => listDepartments(signal) });
  const treeData = useMemo(() => {
    const items = data?.items ?? [];
    const blocked = excludeSubtreeOf ? subtreeIds(items, excludeSubtreeOf) : new Set<number>();
    return toOptions(buildDepartmentTree(items), blocked);
  }, [data, excludeSubtreeOf]);
  return (
    <TreeSelect<number>
      id={id}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={isLoading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      placeholder={placeholder ?? t('common.selectPlaceholder')}
      style={{ width: '100%', ...style }}
    />
  );
}
