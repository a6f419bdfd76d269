import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Space, Steps, Tag, Timeline, Tooltip, Typography } from 'antd';
import { BellOutlined, CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from '@domain/approvals/approval.schema.js';
import { useCurrentUser } from '../../../app/auth-context';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { UserPicker } from '../../org';
import { remindApproval, transferApproval, type ApprovalWithActions } from '../api';

const STATUS_COLORS: Record<ApprovalStatus, string> = { pending: 'processing', approved: 'success', returned: 'warning', withdrawn: 'default' };
const EVENT_COLORS: Record<string, string> = { submitted: 'blue', approved: 'green', returned: 'red', transferred: 'orange', cc: 'gray', reminded: 'orange', withdrawn: 'gray' };

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`workbench.approvalStatus.${status}`)}</Tag>;
}

/** Who is awaited now (names of the current step's undecided approvers). */
export function awaitedNames(approval: ApprovalWithActions): string[] {
  if (approval.status !== 'pending') return [];
  return approval.steps.filter((s) => s.stepNo === approval.currentStep && s.decision === null).map((s) => s.approverName);
}

type Props = { approval: ApprovalWithActions; onChanged: () => void };

/** The approval as DingTalk/Feishu users know it: steps, who is awaited, transfer and remind, and a timeline of everything. */
export function ApprovalPanel({ approval, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [transferring, setTransferring] = useState(false);
  const [form] = Form.useForm<{ toUserId: number; comment?: string }>();

  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    onChanged();
  };
  const remind = useMutation({
    mutationFn: () => remindApproval(approval.id),
    onSuccess: () => {
      void message.success(t('workbench.approval.reminded'));
      changed();
    },
    onError: (err) => handleError(err),
  });
  const transfer = useMutation({
    mutationFn: (v: { toUserId: number; comment?: string }) => transferApproval(approval.id, v.toUserId, v.comment?.trim() || undefined),
    onSuccess: () => {
      void message.success(t('workbench.approval.transferred'));
      setTransferring(false);
      form.resetFields();
      changed();
    },
    onError: (err) => handleError(err, { form }),
  });

  const awaited = awaitedNames(approval);
  const stepStatus = { waiting: 'wait', pending: 'process', approved: 'finish', returned: 'error' } as const;
  const isSubmitter = approval.createdBy === me.id;

  return (
    <Flex vertical gap={16} data-testid="approval-panel">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap size={6}>
          <ApprovalStatusTag status={approval.status} />
          {approval.status === 'pending' && approval.currentStep !== null && (
            <Typography.Text type="secondary">{t('workbench.approval.stepOf', { step: approval.currentStep, count: approval.stepCount })}</Typography.Text>
          )}
        </Space>
        <Space wrap>
          {approval.actions.includes('transfer') && (
            <Button size="small" icon={<SwapOutlined />} onClick={() => setTransferring(true)} data-testid="approval-transfer">
              {t('workbench.approval.transfer')}
            </Button>
          )}
          {approval.status === 'pending' && isSubmitter && (
            <Tooltip title={approval.actions.includes('remind') ? t('workbench.approval.remindHint') : t('workbench.approval.remindLater')}>
              <Button size="small" icon={<BellOutlined />} disabled={!approval.actions.includes('remind')} loading={remind.isPending} onClick={() => remind.mutate()} data-testid="approval-remind">
                {t('workbench.approval.remind')}
              </Button>
            </Tooltip>
          )}
        </Space>
      </Flex>
      {awaited.length > 0 && (
        <div className="approval-awaited" data-testid="approval-awaited">
          <ClockCircleOutlined /> {t('workbench.approval.awaiting', { names: awaited.join('、') })}
          {approval.stepStartedAt && <span className="approval-since">{t('workbench.approval.since', { at: formatDateTime(approval.stepStartedAt) })}</span>}
        </div>
      )}
      <Steps
        size="small"
        direction={isMobile ? 'vertical' : approval.stepStates.length > 2 ? 'vertical' : 'horizontal'}
        items={approval.stepStates.map((s) => {
          const slots = approval.steps.filter((slot) => slot.stepNo === s.stepNo);
          return {
            status: stepStatus[s.state],
            title: t('workbench.approval.stepTitle', { step: s.stepNo }),
            subTitle: t(`workbench.approvalMode.${s.mode}`),
            description: (
              <Flex vertical gap={2}>
                {slots.map((slot, i) => (
                  <span key={`${slot.approverId}-${i}`} className="approval-slot">
                    {slot.decision === 'approved' ? (
                      <CheckCircleFilled style={{ color: '#52c41a' }} />
                    ) : slot.decision === 'returned' ? (
                      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                    ) : slot.decision === 'transferred' ? (
                      <SwapOutlined style={{ color: '#faad14' }} />
                    ) : (
                      <ClockCircleOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                    )}{' '}
                    {slot.approverName}
                    {slot.decision && <span className="approval-slot-decision">{t(`workbench.slotDecision.${slot.decision}`)}</span>}
                  </span>
                ))}
              </Flex>
            ),
          };
        })}
      />
      <div>
        <Typography.Text strong>{t('workbench.approval.timeline')}</Typography.Text>
        <Timeline
          style={{ marginTop: 12 }}
          items={approval.events.map((e) => ({
            key: e.id,
            color: EVENT_COLORS[e.kind] ?? 'gray',
            children: (
              <div>
                <div>
                  {t(`workbench.event.${e.kind}`, { actor: e.actorName ?? t('workbench.system'), target: e.targetUserName ?? '' })}
                  {e.stepNo !== null && e.kind !== 'submitted' && <span className="approval-step-note">{t('workbench.approval.stepShort', { step: e.stepNo })}</span>}
                </div>
                {e.comment && <div className="timeline-comment">{e.comment}</div>}
                <div className="timeline-time">{formatDateTime(e.at)}</div>
              </div>
            ),
          }))}
        />
      </div>
      <Modal
        open={transferring}
        title={t('workbench.approval.transferTitle')}
        onCancel={() => setTransferring(false)}
        onOk={() => form.submit()}
        okText={t('workbench.approval.transfer')}
        confirmLoading={transfer.isPending}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => transfer.mutate(v)}>
          <Form.Item name="toUserId" label={t('workbench.approval.transferTo')} rules={[{ required: true, message: t('workbench.approval.transferToRequired') }]}>
            <UserPicker excludeId={me.id} />
          </Form.Item>
          <Form.Item name="comment" label={t('workbench.approval.transferComment')} rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
