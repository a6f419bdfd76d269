import { useState } from 'react';
import { Button, Card, Col, Form, Input, List, Modal, Row, Select, Space, Table, Tag, type ButtonProps } from 'antd';
import { CheckCircleTwoTone, ClockCircleOutlined, CloseCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_CATEGORIES } from '@domain/delivery/documents.rules.js';
import { formatDateTime } from '../../../shared/format';
import { addDocumentVersion, createDocument, deliveryKeys, fileUrl, listDocuments, type DocumentDto } from '../api';
import { useDeliveryMutation } from '../hooks';
import type { TabProps } from '../pages/ProjectDetailPage';
import { FileUpload } from '../components/FileUpload';

type Values = { category: string; title: string; files: number[]; note?: string };

/** [2.2.3] the archive by category with versions, and the documents each stage requires. */
export default function DocumentsTab({ project }: TabProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [target, setTarget] = useState<DocumentDto | 'new' | null>(null);
  const docs = useQuery({ queryKey: deliveryKeys.part(project.id, 'documents'), queryFn: ({ signal }) => listDocuments(project.id, signal) });
  const save = useDeliveryMutation(
    (v: Values) => (target === 'new' ? createDocument(project.id, { category: v.category, title: v.title, attachmentId: v.files[0]!, note: v.note }) : addDocumentVersion(project.id, (target as DocumentDto).id, { attachmentId: v.files[0]!, note: v.note })),
    { form, success: t('delivery.documents.filed'), onDone: () => setTarget(null) },
  );
  const canFile = project.can.report;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card
          className="page-card"
          title={t('delivery.documents.title')}
          extra={canFile && <Button type="primary" icon={<UploadOutlined />} onClick={() => { form.resetFields(); setTarget('new'); }} data-testid="document-add">{t('delivery.documents.upload')}</Button>}
        >
          <Table
            size="middle"
            rowKey="id"
            loading={docs.isPending}
            pagination={false}
            dataSource={docs.data?.items}
            scroll={{ x: 'max-content' }}
            expandable={{
              rowExpandable: (d) => d.versions.length > 1,
              expandedRowRender: (d) => (
                <List
                  size="small"
                  header={t('delivery.documents.versions')}
                  dataSource={d.versions}
                  renderItem={(v) => (
                    <List.Item>
                      <Space>
                        <Tag>v{v.versionNo}</Tag>
                        <a href={fileUrl(v.file.id)} target="_blank" rel="noreferrer">{v.file.name}</a>
                        <span className="muted">{v.uploadedByName} · {formatDateTime(v.createdAt)}</span>
                        {v.note && <span>{v.note}</span>}
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            }}
            columns={[
              { title: t('delivery.documents.category'), dataIndex: 'category', render: (v: DocumentDto['category']) => <Tag color="blue">{t(`delivery.documents.categories.${v}`)}</Tag> },
              { title: t('delivery.documents.docTitle'), dataIndex: 'title', render: (v: string, d) => <a href={fileUrl(d.versions[0]!.file.id)} target="_blank" rel="noreferrer">{v}</a> },
              { title: t('delivery.documents.version'), dataIndex: 'currentVersion', render: (v: number) => `v${v}` },
              { title: t('delivery.documents.uploadedBy'), render: (_, d) => <>{d.versions[0]?.uploadedByName}<div className="muted">{formatDateTime(d.updatedAt)}</div></> },
              ...(canFile ? [{ title: t('common.actions'), key: 'a', render: (_: unknown, d: DocumentDto) => <a onClick={() => { form.resetFields(); setTarget(d); }}>{t('delivery.documents.newVersion')}</a> }] : []),
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card className="page-card" title={t('delivery.documents.checklist')}>
          <List
            size="small"
            dataSource={project.documents}
            renderItem={(c) => (
              <List.Item extra={<span className="muted">{t(`delivery.status.${c.stage}`)}</span>}>
                <Space>
                  {c.present ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : c.due ? <CloseCircleTwoTone twoToneColor="#ff4d4f" /> : <ClockCircleOutlined style={{ color: '#bfbfbf' }} />}
                  {t(`delivery.documents.categories.${c.category}`)}
                  <span className="muted">{c.present ? t('delivery.documents.present') : t('delivery.documents.absent')}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Modal open={target !== null} title={target === 'new' ? t('delivery.documents.upload') : `${t('delivery.documents.newVersion')} · ${(target as DocumentDto | null)?.title ?? ''}`} onCancel={() => setTarget(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'document-ok' } as ButtonProps} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {target === 'new' && (
            <>
              <Form.Item name="category" label={t('delivery.documents.category')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Select data-testid="document-category" options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`delivery.documents.categories.${c}`) }))} />
              </Form.Item>
              <Form.Item name="title" label={t('delivery.documents.docTitle')} rules={[{ required: true, message: t('delivery.form.required') }]}>
                <Input maxLength={100} data-testid="document-title" />
              </Form.Item>
            </>
          )}
          <Form.Item name="files" label={t('delivery.documents.file')} rules={[{ required: true, type: 'array', min: 1, message: t('delivery.form.required') }]}>
            <FileUpload max={1} testId="document-file" />
          </Form.Item>
          <Form.Item name="note" label={t('delivery.documents.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
