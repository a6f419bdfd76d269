import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LoadError } from '../../../shared/components/LoadError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { SecretModal } from '../../../shared/components/SecretModal';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/hooks/useAccess';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { listTokens, orgKeys, revokeToken, type ApiTokenDto } from '../api';
import { TokenIssueModal } from '../components/TokenIssueModal';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiTokenDto, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) < now) return 'expired';
  return 'active';
}

const STATE_COLORS: Record<TokenState, string> = { active: 'success', revoked: 'default', expired: 'warning' };

export default function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canCreate = useCan('token.create');
  const canRevoke = useCan('token.revoke');
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [issuing, setIssuing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const query = useQuery({ queryKey: orgKeys.tokens, queryFn: ({ signal }) => listTokens(signal) });
  const revoke = useMutation({
    mutationFn: (token: ApiTokenDto) => revokeToken(token.id),
    onSuccess: () => {
      void message.success(t('tokens.revoked'));
      void queryClient.invalidateQueries({ queryKey: orgKeys.tokens });
    },
    onError: (err) => handleError(err),
  });

  const now = Date.now();
  const columns: ColumnsType<ApiTokenDto> = [
    { title: t('tokens.fields.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('tokens.fields.prefix'), dataIndex: 'prefix', responsive: ['md'], render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: t('tokens.fields.user'), dataIndex: 'userName' },
    { title: t('tokens.fields.createdAt'), dataIndex: 'createdAt', responsive: ['lg'], render: formatDateTime },
    { title: t('tokens.fields.expiresOn'), dataIndex: 'expiresAt', responsive: ['md'], render: (v: string | null) => (v ? formatDate(v) : t('tokens.fields.expiresNever')) },
    { title: t('tokens.fields.lastUsedAt'), dataIndex: 'lastUsedAt', responsive: ['lg'], render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.fields.neverUsed')) },
    {
      title: t('tokens.fields.status'),
      key: 'status',
      render: (_, token) => {
        const state = stateOf(token, now);
        return <Tag color={STATE_COLORS[state]}>{t(`tokens.status.${state}`)}</Tag>;
      },
    },
  ];
  if (canRevoke) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        stateOf(token, now) === 'active' && (
          <Popconfirm title={t('tokens.revokeConfirm', { name: token.name })} onConfirm={() => revoke.mutateAsync(token).catch(() => undefined)} styles={{ root: { maxWidth: 320 } }}>
            <Button type="link" size="small" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
              {t('tokens.create')}
            </Button>
          )
        }
      />
      <Card className="page-card">
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<ApiTokenDto>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: query.isLoading ? ' ' : (
                <EmptyState
                  title={t('tokens.empty')}
                  hint={t('tokens.emptyHint')}
                  action={
                    canCreate && (
                      <Button type="primary" onClick={() => setIssuing(true)}>
                        {t('tokens.create')}
                      </Button>
                    )
                  }
                />
              ),
            }}
          />
        )}
      </Card>
      <TokenIssueModal open={issuing} onClose={() => setIssuing(false)} onIssued={setSecret} />
      <SecretModal title={t('tokens.secretTitle')} body={t('tokens.secretBody')} secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
