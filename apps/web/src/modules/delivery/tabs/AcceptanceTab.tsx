import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format';
import { addAcceptanceItem, checkAcceptance, deliveryKeys, fileUrl, listAcceptances, type AcceptanceDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';

type Item = AcceptanceDto['items'][number];
const RESULT_COLORS = { pending: 'default', pass: 'success', fail: 'error' } as const;
const STATUS_COLORS: Record<AcceptanceDto['status'], string> = { open: 'processing', passed: 'success', failed: 'error', pending: 'processing', accepted: 'success', rejected: 'error' };

/** The open internal checklist: each item pass or fail with notes; all must pass before the customer sees it [3.3.1]. */
function Checklist({ projectId, round, manage }: { projectId: number; round: AcceptanceDto; manage: boolean }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Item[]>(round.items);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string; standard?: string }>();
  useEffect(() => setRows(round.items), [round]);
  const save = useDeliveryMutation(() => checkAcceptance(projectId, round.id, rows.map((r) => ({ id: r.id, result: r.result, note: r.note }))), { success: t('delivery.acceptance.saved') });
  const add = useDeliveryMutation((v: { name: string; standard?: string }) => addAcceptanceItem(projectId, round.id, v), { form, success: t('common.saved'), onDone: () => setAdding(false) });
  const set = (id: number, patch: Partial<Item>) => setRows((list) => list.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const passed = rows.filter((r) => r.result === 'pass').length;
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 40 },
          { title: t('delivery.acceptance.item'), dataIndex: 'name', render: (v: string, r) => <><div>{v}</div><div className="muted">{t(`delivery.acceptance.sources.${r.source}`)}{r.standard ? ` · ${r.standard}` : ''}</div></> },
          {
            title: t('delivery.acceptance.result'),
            render: (_, r) => (
              <Radio.Group size="small" value={r.result} onChange={(e) => set(r.id, { result: e.target.value as Item['result'] })} optionType="button" buttonStyle="solid" data-testid={`check-${r.seq}`}>
                <Radio.Button value="pass">{t('delivery.acceptance.results.pass')}</Radio.Button>
                <Radio.Button value="fail">{t('delivery.acceptance.results.fail')}</Radio.Button>
                <Radio.Button value="pending">{t('delivery.acceptance.results.pending')}</Radio.Button>
              </Radio.Group>
            ),
          },
          { title: t('delivery.acceptance.note'), render: (_, r) => <Input size="small" value={r.note} maxLength={500} onChange={(e) => set(r.id, { note: e.target.value })} style={{ minWidth: 200 }} /> },
          { title: t('delivery.acceptance.checkedBy'), render: (_, r) => (r.checkedByName ? <span className="muted">{r.checkedByName}</span> : '') },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button type="primary" onClick={() => save.mutate(undefined)} loading={save.isPending} data-testid="check-save">{t('delivery.acceptance.save')}</Button>
        <Button onClick={() => setRows((list) => list.map((r) => ({ ...r, result: 'pass' })))} data-testid="check-all-pass">{t('delivery.acceptance.allPass')}</Button>
        {manage && <Button icon={<PlusOutlined />} onClick={() => { form.resetFields(); setAdding(true); }}>{t('delivery.acceptance.addItem')}</Button>}
        <Typography.Text type="secondary">{t('delivery.acceptance.passedCount', { pass: passed, total: rows.length })}</Typography.Text>
      </Space>
      <Modal open={adding} title={t('delivery.acceptance.addItem')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={add.isPending} okButtonProps={{ 'data-testid': 'item-ok' } as ButtonProps} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="name" label={t('delivery.acceptance.item')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="standard" label={t('delivery.acceptance.standard')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function RoundView({ round }: { round: AcceptanceDto }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {round.kind === 'customer' && (round.status === 'accepted' || round.status === 'rejected') && (
        <Descriptions size="small" column={1} bordered>
          {round.status === 'accepted' && <Descriptions.Item label={t('delivery.acceptance.acceptedDate')}>{formatDate(round.acceptedDate)}</Descriptions.Item>}
          {round.status === 'accepted' && <Descriptions.Item label={t('delivery.acceptance.signer')}>{round.signer}</Descriptions.Item>}
          {round.note && <Descriptions.Item label={t('delivery.acceptance.settleNote')}>{round.note}</Descriptions.Item>}
          {round.documents.length > 0 && (
            <Descriptions.Item label={t('delivery.acceptance.signedDoc')}>
              {round.documents.map((d) => <div key={d.id}><a href={fileUrl(d.id)} target="_blank" rel="noreferrer">{d.name}</a></div>)}
            </Descriptions.Item>
          )}
          {round.reworkReason && <Descriptions.Item label={t('delivery.acceptance.reworkReason')}>{round.reworkReason}</Descriptions.Item>}
          {round.reworkItems.length > 0 && <Descriptions.Item label={t('delivery.acceptance.reworkItems')}>{round.reworkItems.map((x, i) => <div key={i}>{i + 1}. {x}</div>)}</Descriptions.Item>}
        </Descriptions>
      )}
      {round.kind === 'internal' && round.status === 'failed' && round.reworkReason && <Alert type="error" showIcon message={round.reworkReason} description={round.reworkItems.join('；')} />}
      {round.items.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={round.items}
          columns={[
            { title: '#', dataIndex: 'seq', width: 40 },
            { title: t('delivery.acceptance.item'), dataIndex: 'name' },
            { title: t('delivery.acceptance.result'), dataIndex: 'result', render: (v: Item['result']) => <Tag color={RESULT_COLORS[v]}>{t(`delivery.acceptance.results.${v}`)}</Tag> },
            { title: t('delivery.acceptance.note'), dataIndex: 'note' },
            { title: t('delivery.acceptance.checkedBy'), dataIndex: 'checkedByName' },
          ]}
        />
      )}
    </Space>
  );
}

/** [3.3.1–3.3.2] acceptance rounds, latest first. */
export default function AcceptanceTab({ project }: TabProps) {
  const { t } = useTranslation();
  const rounds = useQuery({ queryKey: deliveryKeys.part(project.id, 'acceptances'), queryFn: ({ signal }) => listAcceptances(project.id, signal) });
  if (rounds.isPending) return <Card className="page-card" loading />;
  const items = rounds.data?.items ?? [];
  if (items.length === 0) return <Card className="page-card"><Empty description={t('delivery.acceptance.none')} /></Card>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {items.map((r) => (
        <Card
          key={r.id}
          className="page-card"
          title={
            <Space>
              {t(`delivery.acceptance.${r.kind}`)}
              <span className="muted">{t('delivery.acceptance.round', { round: r.round })}</span>
              <Tag color={STATUS_COLORS[r.status]}>{t(`delivery.acceptance.statuses.${r.status}`)}</Tag>
            </Space>
          }
          extra={<span className="muted">{formatDateTime(r.createdAt)}</span>}
        >
          {r.kind === 'internal' && r.status === 'open' && project.status === 'internal_acceptance' && project.can.report ? <Checklist projectId={project.id} round={r} manage={project.can.manage} /> : <RoundView round={r} />}
        </Card>
      ))}
    </Space>
  );
}
