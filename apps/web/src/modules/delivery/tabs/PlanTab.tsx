import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../app/auth-context';
import { formatDate } from '../../../shared/format';
import { createTask, deleteTask, deliveryKeys, listMembers, listTasks, updateMilestone, updateTask, type MilestoneViewDto, type TaskDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';
import { Gantt } from '../components/Gantt';
import { DateInput } from '../components/DateInput';
import { MilestoneStatusTag } from '../components/tags';

type TaskValues = { milestoneId: number; name: string; ownerId: number; plannedStart: string; plannedEnd: string; weight: number; dependsOn?: number[]; note?: string; progress?: number; actualStart?: string | null; actualEnd?: string | null };

/** [3.2.1–3.2.3] milestones and tasks on a timeline, plan against actual. */
export default function PlanTab({ project }: TabProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<TaskValues>();
  const [mForm] = Form.useForm<{ actualStart?: string | null; actualEnd?: string | null; weight: number }>();
  const [task, setTask] = useState<TaskDto | 'new' | null>(null);
  const [milestone, setMilestone] = useState<MilestoneViewDto | null>(null);
  const tasks = useQuery({ queryKey: deliveryKeys.part(project.id, 'tasks'), queryFn: ({ signal }) => listTasks(project.id, signal) });
  const members = useQuery({ queryKey: deliveryKeys.part(project.id, 'members'), queryFn: ({ signal }) => listMembers(project.id, signal) });
  const owners = [{ value: project.pmId, label: project.pmName }, ...(members.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.userId, label: `${m.userName}（${m.projectRole}）` }))];
  const manage = project.can.manage;
  const today = dayjs().format('YYYY-MM-DD');

  const saveTask = useDeliveryMutation(
    (v: TaskValues) => {
      if (task === 'new') return createTask(project.id, v);
      const current = task as TaskDto;
      const body = manage ? v : { progress: v.progress, actualStart: v.actualStart, actualEnd: v.actualEnd, note: v.note };
      return updateTask(project.id, current.id, { ...body, version: current.version });
    },
    { form, success: t('common.saved'), onDone: () => setTask(null) },
  );
  const removeTask = useDeliveryMutation((x: TaskDto) => deleteTask(project.id, x.id), { success: t('common.saved') });
  const saveMilestone = useDeliveryMutation((v: { actualStart?: string | null; actualEnd?: string | null; weight: number }) => updateMilestone(project.id, milestone!.id, { ...v, version: milestone!.version }), {
    form: mForm,
    success: t('common.saved'),
    onDone: () => setMilestone(null),
  });

  const openTask = (x: TaskDto | 'new') => {
    form.resetFields();
    if (x === 'new') form.setFieldsValue({ milestoneId: project.milestones.find((m) => m.status !== 'done')?.id ?? project.milestones[0]?.id, weight: 1, ownerId: project.pmId });
    else form.setFieldsValue({ ...x, note: x.note });
    setTask(x);
  };
  const items = tasks.data?.items ?? [];
  const ownTask = (x: TaskDto) => x.ownerId === me.id;

  return (
    <>
      <Card className="page-card" title={t('delivery.plan.timeline')} extra={project.status !== 'planning' && project.status !== 'closed' ? <span className="muted">{t('delivery.plan.lockedHint')}</span> : null}>
        <Gantt milestones={project.milestones} tasks={items} today={today} />
      </Card>
      <Card
        className="page-card section-gap"
        title={t('delivery.plan.tasks')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openTask('new')} data-testid="task-add">
              {t('delivery.plan.addTask')}
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey={(r) => `${r.kind}${r.id}`}
          loading={tasks.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('delivery.plan.noTasks') }}
          dataSource={project.milestones.flatMap((m) => [{ kind: 'm' as const, id: m.id, m, x: null }, ...items.filter((x) => x.milestoneId === m.id).map((x) => ({ kind: 't' as const, id: x.id, m, x }))])}
          columns={[
            {
              title: t('delivery.plan.task'),
              render: (_, r) => (r.x ? <span style={{ paddingLeft: 18 }}>{r.x.name}</span> : <strong>{r.m.name}</strong>),
            },
            { title: t('delivery.plan.owner'), render: (_, r) => r.x?.ownerName ?? '' },
            { title: t('delivery.milestone.planned'), render: (_, r) => { const s = r.x ?? r.m; return `${formatDate(s.plannedStart)} ～ ${formatDate(s.plannedEnd)}`; } },
            { title: t('delivery.milestone.actual'), render: (_, r) => { const s = r.x ?? r.m; return s.actualStart || s.actualEnd ? `${formatDate(s.actualStart)} ～ ${formatDate(s.actualEnd)}` : '—'; } },
            { title: t('delivery.plan.weight'), align: 'right', render: (_, r) => (r.x ?? r.m).weight },
            { title: t('delivery.plan.progress'), width: 150, render: (_, r) => <Progress percent={(r.x ?? r.m).progress} size="small" /> },
            {
              title: t('delivery.plan.status'),
              render: (_, r) =>
                r.x ? (
                  <Space size={4}>
                    <Tag color={r.x.status === 'done' ? 'success' : r.x.status === 'in_progress' ? 'processing' : 'default'}>{t(`delivery.plan.taskStatuses.${r.x.status}`)}</Tag>
                    {r.x.daysLate > 0 && <Typography.Text type="danger">{t('delivery.plan.daysLate', { count: r.x.daysLate })}</Typography.Text>}
                  </Space>
                ) : (
                  <MilestoneStatusTag status={r.m.status} />
                ),
            },
            {
              title: t('common.actions'),
              render: (_, r) => {
                if (project.status === 'closed') return null;
                if (!r.x) return manage ? <a onClick={() => { mForm.setFieldsValue({ actualStart: r.m.actualStart, actualEnd: r.m.actualEnd, weight: r.m.weight }); setMilestone(r.m); }}>{t('delivery.milestone.edit')}</a> : null;
                const x = r.x;
                return (
                  <Space>
                    {(manage || ownTask(x)) && <a onClick={() => openTask(x)} data-testid={`task-edit-${x.id}`}>{t('common.edit')}</a>}
                    {manage && x.status === 'not_started' && <a onClick={() => modal.confirm({ title: t('delivery.plan.deleteTask'), content: t('delivery.plan.deleteConfirm', { name: x.name }), onOk: () => removeTask.mutateAsync(x) })}>{t('delivery.plan.deleteTask')}</a>}
                  </Space>
                );
              },
            },
          ]}
        />
        <div className="muted" style={{ marginTop: 8 }}>{t('delivery.plan.weightHint')}</div>
      </Card>

      <Modal open={task !== null} title={task === 'new' ? t('delivery.plan.addTask') : t('delivery.plan.editTask')} onCancel={() => setTask(null)} onOk={() => form.submit()} confirmLoading={saveTask.isPending} okButtonProps={{ 'data-testid': 'task-ok' } as ButtonProps} destroyOnHidden forceRender width={640}>
        <Form form={form} layout="vertical" onFinish={(v) => saveTask.mutate(v)}>
          <Form.Item name="milestoneId" label={t('delivery.plan.milestone')} rules={[{ required: true }]}>
            <Select disabled={!manage} options={project.milestones.map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('delivery.plan.task')} rules={[{ required: true, message: t('delivery.form.required') }]}>
            <Input disabled={!manage} maxLength={100} data-testid="task-name" />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="ownerId" label={t('delivery.plan.owner')} rules={[{ required: true }]} style={{ flex: 2, marginRight: 12 }}>
              <Select disabled={!manage} options={owners} data-testid="task-owner" />
            </Form.Item>
            <Form.Item name="weight" label={t('delivery.plan.weight')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <InputNumber disabled={!manage} min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="plannedStart" label={t('delivery.plan.plannedStart')} rules={[{ required: true, message: t('delivery.form.required') }]} style={{ flex: 1, marginRight: 12 }}>
              <DateInput disabled={!manage} />
            </Form.Item>
            <Form.Item name="plannedEnd" label={t('delivery.plan.plannedEnd')} rules={[{ required: true, message: t('delivery.form.required') }]} style={{ flex: 1 }}>
              <DateInput disabled={!manage} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="dependsOn" label={t('delivery.plan.dependsOn')}>
            <Select disabled={!manage} mode="multiple" options={items.filter((x) => task === 'new' || x.id !== (task as TaskDto | null)?.id).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          {task !== 'new' && (
            <>
              <Space.Compact block>
                <Form.Item name="actualStart" label={t('delivery.plan.actualStart')} style={{ flex: 1, marginRight: 12 }}>
                  <DateInput notAfterToday />
                </Form.Item>
                <Form.Item name="actualEnd" label={t('delivery.plan.actualEnd')} style={{ flex: 1 }}>
                  <DateInput notAfterToday />
                </Form.Item>
              </Space.Compact>
              <Form.Item name="progress" label={t('delivery.plan.progress')}>
                <InputNumber min={0} max={100} addonAfter="%" style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('delivery.plan.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={milestone !== null} title={`${t('delivery.milestone.edit')} · ${milestone?.name ?? ''}`} onCancel={() => setMilestone(null)} onOk={() => mForm.submit()} confirmLoading={saveMilestone.isPending} destroyOnHidden forceRender>
        <Form form={mForm} layout="vertical" onFinish={(v) => saveMilestone.mutate(v)}>
          <Form.Item name="actualStart" label={t('delivery.plan.actualStart')}>
            <DateInput notAfterToday />
          </Form.Item>
          <Form.Item name="actualEnd" label={t('delivery.plan.actualEnd')}>
            <DateInput notAfterToday />
          </Form.Item>
          <Form.Item name="weight" label={t('delivery.milestone.weight')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
