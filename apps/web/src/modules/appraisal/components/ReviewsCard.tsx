import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import { LinkOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { formatDateTime } from '../../../shared/format';
import { appraisalKeys, createCustomerLink, type AppraisalDetailDto, type CustomerLink } from '../api';
import { useAppraisalAction } from '../useAppraisalAction';
import { useSetting } from '../../../shared/hooks/useSetting';
import { CUSTOMER_ITEMS } from '../vocabulary';
import { PeerPicker } from './PeerPicker';
import { Score } from './StatusTags';

const STATUS_COLOR = { pending: 'processing', submitted: 'success', expired: 'default', void: 'default' } as const;

/** Peer reviews (《年度績效考核同事評價表》) and customer reviews (《年度績效考核客戶評價表》) of an annual appraisal. */
export function ReviewsCard({ detail }: { detail: AppraisalDetailDto }) {
  const { t } = useTranslation();
  const actions = new Set(detail.actions);
  const { run, busy } = useAppraisalAction(detail.id);
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const peerCount = useSetting<{ min: number; max: number }>('appraisal.peerCount') ?? { min: 2, max: 5 };
  const [picking, setPicking] = useState(false);
  const [peers, setPeers] = useState<number[]>([]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [link, setLink] = useState<CustomerLink | null>(null);
  const [closing, setClosing] = useState(false);
  const [linkForm] = Form.useForm<{ reviewerName: string; expiresInDays?: number }>();
  const [closeForm] = Form.useForm<{ reason?: string }>();
  const current = detail.peerReviews.filter((p) => p.status !== 'void');
  const linkUrl = link ? `${window.location.origin}${link.path}` : '';

  return (
    <Card
      className="page-card"
      title={t('appraisal.reviews.title')}
      data-testid="reviews-card"
      extra={
        <Space wrap>
          {actions.has('select-peers') && (
            <Button
              icon={<TeamOutlined />}
              onClick={() => {
                setPeers(current.filter((p) => p.reviewerId !== null).map((p) => p.reviewerId!));
                setPicking(true);
              }}
            >
              {t('appraisal.peers.change')}
            </Button>
          )}
          {actions.has('customer-link') && (
            <Button icon={<LinkOutlined />} onClick={() => setLinkOpen(true)} data-testid="customer-link">
              {t('appraisal.customer.makeLink')}
            </Button>
          )}
          {actions.has('close-reviews') && (
            <Button icon={<StopOutlined />} onClick={() => setClosing(true)}>
              {t('appraisal.reviews.close')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Title level={5}>{t('appraisal.forms.peer')}</Typography.Title>
      {current.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('appraisal.peers.none')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={current}
          renderItem={(p, i) => (
            <List.Item extra={<Tag color={STATUS_COLOR[p.status]}>{t(`appraisal.reviewStatus.${p.status}`)}</Tag>}>
              <List.Item.Meta
                title={p.reviewerName ?? t('appraisal.peers.anonymous', { n: i + 1 })}
                description={
                  p.status === 'submitted' ? (
                    <Space direction="vertical" size={0}>
                      <span>
                        {t('appraisal.peers.teamwork')} <Score value={p.teamwork} /> · {t('appraisal.peers.communication')} <Score value={p.communication} /> · {t('appraisal.peers.average')} <Score value={p.score} strong />
                      </span>
                      {p.comment && <Typography.Text type="secondary">{p.comment}</Typography.Text>}
                    </Space>
                  ) : null
                }
              />
            </List.Item>
          )}
        />
      )}
      {detail.customerFacing && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('appraisal.forms.customer')}
          </Typography.Title>
          {detail.customerReviews.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('appraisal.customer.none')}</Typography.Paragraph>
          ) : (
            <List
              size="small"
              dataSource={detail.customerReviews}
              renderItem={(c, i) => (
                <List.Item extra={<Tag color={STATUS_COLOR[c.status]}>{t(`appraisal.reviewStatus.${c.status}`)}</Tag>}>
                  <List.Item.Meta
                    title={[c.reviewerName ?? t('appraisal.customer.anonymous', { n: i + 1 }), c.customerName].filter(Boolean).join(' · ')}
                    description={
                      c.status === 'submitted' && c.ratings ? (
                        <Space direction="vertical" size={0}>
                          <span>
                            {CUSTOMER_ITEMS.map((k) => `${t(`appraisal.customer.items.${k}`)} ${c.ratings![k] ?? '—'}/5`).join(' · ')} · {t('appraisal.customer.score')} <Score value={c.score} strong />
                          </span>
                          {c.comment && <Typography.Text type="secondary">{c.comment}</Typography.Text>}
                        </Space>
                      ) : (
                        t('appraisal.customer.expires', { at: formatDateTime(c.expiresAt) })
                      )
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}

      <Modal
        open={picking}
        title={t('appraisal.peers.change')}
        okText={t('common.save')}
        confirmLoading={busy === 'select-peers'}
        onCancel={() => setPicking(false)}
        onOk={async () => {
          if (await run('select-peers', { peerReviewerIds: peers })) setPicking(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('appraisal.peers.pickHint')}</Typography.Paragraph>
        <PeerPicker value={peers} onChange={setPeers} exclude={[detail.employeeId, ...(detail.supervisorId ? [detail.supervisorId] : [])]} known={current.filter((p) => p.reviewerId !== null).map((p) => ({ id: p.reviewerId!, name: p.reviewerName ?? '' }))} max={peerCount.max} />
      </Modal>

      <Modal
        open={linkOpen}
        title={t('appraisal.customer.makeLink')}
        okText={link ? t('common.close') : t('appraisal.customer.create')}
        cancelButtonProps={{ style: link ? { display: 'none' } : undefined }}
        onCancel={() => {
          setLinkOpen(false);
          setLink(null);
          linkForm.resetFields();
        }}
        onOk={async () => {
          if (link) {
            setLinkOpen(false);
            setLink(null);
            linkForm.resetFields();
            return;
          }
          const v = await linkForm.validateFields();
          try {
            setLink(await createCustomerLink(detail.id, { reviewerName: v.reviewerName, ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}) }));
            await queryClient.invalidateQueries({ queryKey: appraisalKeys.one(detail.id) });
          } catch (err) {
            handleError(err, { form: linkForm });
          }
        }}
        destroyOnHidden
      >
        {link ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="success" showIcon message={t('appraisal.customer.created', { at: formatDateTime(link.expiresAt) })} />
            <Typography.Paragraph copyable={{ text: linkUrl }} code style={{ wordBreak: 'break-all' }} data-testid="customer-link-url">
              {linkUrl}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('appraisal.customer.onceHint')}</Typography.Text>
          </Space>
        ) : (
          <Form form={linkForm} layout="vertical">
            <Form.Item name="reviewerName" label={t('appraisal.customer.reviewerName')} rules={[{ required: true, message: t('appraisal.customer.reviewerNameRequired') }]}>
              <Input maxLength={100} placeholder={t('appraisal.customer.reviewerNamePlaceholder')} data-testid="customer-reviewer" />
            </Form.Item>
            <Form.Item name="expiresInDays" label={t('appraisal.customer.days')} extra={t('appraisal.customer.daysHint')}>
              <InputNumber min={1} max={90} style={{ width: 120 }} />
            </Form.Item>
          </Form>
        )}
      </Modal>

      <Modal
        open={closing}
        title={t('appraisal.reviews.close')}
        okText={t('appraisal.reviews.closeConfirm')}
        confirmLoading={busy === 'close-reviews'}
        onCancel={() => setClosing(false)}
        onOk={async () => {
          const v = await closeForm.validateFields();
          if (await run('close-reviews', v.reason ? { reason: v.reason } : {}, closeForm)) setClosing(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('appraisal.reviews.closeHint')}</Typography.Paragraph>
        <Form form={closeForm} layout="vertical">
          <Form.Item name="reason" label={t('appraisal.reviews.closeReason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
