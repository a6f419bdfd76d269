import { Alert, Button, Col, Flex, Form, Input, Row, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProposalContent } from '../api';
import { formatFen, sumFen } from '../../../shared/money';
import { useSetting } from '../../../shared/hooks/useSetting';
import { DateField } from './DateField';
import { MoneyInput } from './MoneyInput';

export type ProposalValues = ProposalContent;

/** The proposal's content: goals, work content, milestones with dates and deliverables, budget lines and total, assumptions. */
export function ProposalFormFields({ form }: { form: FormInstance<ProposalValues> }) {
  const { t } = useTranslation();
  const lines = Form.useWatch('budgetLines', form) as { amountFen?: number | null }[] | undefined;
  const total = sumFen(lines);
  const leaderAbove = useSetting<number>('sales.proposal.leaderApprovalAboveFen');

  return (
    <>
      <div className="paper-section-title">{t('sales.proposal.sections.overview')}</div>
      <Form.Item name="title" label={t('sales.proposal.fields.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="goals" label={t('sales.proposal.fields.goals')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} placeholder={t('sales.proposal.fields.goalsPlaceholder')} />
      </Form.Item>
      <Form.Item name="workContent" label={t('sales.proposal.fields.workContent')} rules={[{ required: true, whitespace: true, max: 20000 }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} placeholder={t('sales.proposal.fields.workContentPlaceholder')} />
      </Form.Item>

      <div className="paper-section-title">{t('sales.proposal.sections.milestones')}</div>
      <Form.List
        name="milestones"
        rules={[{ validator: (_, list: unknown[]) => (list && list.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('sales.proposal.milestonesRequired')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="list-editor" data-testid="milestones-editor">
            <Row gutter={8} className="list-editor-head">
              <Col flex="28px">#</Col>
              <Col flex="1 1 180px">{t('sales.proposal.fields.milestoneName')}</Col>
              <Col flex="0 0 150px">{t('sales.proposal.fields.start')}</Col>
              <Col flex="0 0 150px">{t('sales.proposal.fields.end')}</Col>
              <Col flex="1 1 180px">{t('sales.proposal.fields.deliverable')}</Col>
              <Col flex="32px" />
            </Row>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top" className="list-editor-row">
                <Col flex="28px" className="list-editor-index">
                  {index + 1}
                </Col>
                <Col flex="1 1 180px">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('sales.proposal.milestoneNameRequired') }, { max: 100 }]}>
                    <Input maxLength={100} placeholder={t('sales.proposal.fields.milestoneName')} />
                  </Form.Item>
                </Col>
                <Col flex="0 0 150px">
                  <Form.Item name={[field.name, 'start']} rules={[{ required: true, message: t('sales.proposal.dateRequired') }]}>
                    <DateField placeholder={t('sales.proposal.fields.start')} />
                  </Form.Item>
                </Col>
                <Col flex="0 0 150px">
                  <Form.Item
                    name={[field.name, 'end']}
                    dependencies={[['milestones', field.name, 'start']]}
                    rules={[
                      { required: true, message: t('sales.proposal.dateRequired') },
                      ({ getFieldValue }) => ({
                        validator: (_, end: string | null) => {
                          const start = getFieldValue(['milestones', field.name, 'start']) as string | null;
                          return !end || !start || start <= end ? Promise.resolve() : Promise.reject(new Error(t('sales.dateOrder')));
                        },
                      }),
                    ]}
                  >
                    <DateField placeholder={t('sales.proposal.fields.end')} />
                  </Form.Item>
                </Col>
                <Col flex="1 1 180px">
                  <Form.Item name={[field.name, 'deliverable']} rules={[{ max: 500 }]}>
                    <Input maxLength={500} placeholder={t('sales.proposal.fields.deliverable')} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('sales.removeRow')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', start: null, end: null, deliverable: '' })} block>
              {t('sales.proposal.addMilestone')}
            </Button>
          </div>
        )}
      </Form.List>

      <div className="paper-section-title">{t('sales.proposal.sections.budget')}</div>
      <Form.List
        name="budgetLines"
        rules={[{ validator: (_, list: unknown[]) => (list && list.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('sales.proposal.budgetRequired')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="list-editor" data-testid="budget-editor">
            <Row gutter={8} className="list-editor-head">
              <Col flex="28px">#</Col>
              <Col flex="1 1 200px">{t('sales.proposal.fields.budgetItem')}</Col>
              <Col flex="0 0 180px">{t('sales.proposal.fields.amount')}</Col>
              <Col flex="1 1 180px">{t('sales.proposal.fields.budgetNote')}</Col>
              <Col flex="32px" />
            </Row>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top" className="list-editor-row">
                <Col flex="28px" className="list-editor-index">
                  {index + 1}
                </Col>
                <Col flex="1 1 200px">
                  <Form.Item name={[field.name, 'item']} rules={[{ required: true, whitespace: true, message: t('sales.proposal.budgetItemRequired') }, { max: 100 }]}>
                    <Input maxLength={100} placeholder={t('sales.proposal.fields.budgetItem')} />
                  </Form.Item>
                </Col>
                <Col flex="0 0 180px">
                  <Form.Item name={[field.name, 'amountFen']} rules={[{ required: true, message: t('sales.amountRequired') }]}>
                    <MoneyInput placeholder={t('sales.proposal.fields.amount')} />
                  </Form.Item>
                </Col>
                <Col flex="1 1 180px">
                  <Form.Item name={[field.name, 'note']} rules={[{ max: 500 }]}>
                    <Input maxLength={500} placeholder={t('sales.proposal.fields.budgetNote')} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('sales.removeRow')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Flex justify="space-between" align="center" wrap gap={8} className="list-editor-total">
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: '', amountFen: null, note: '' })}>
                {t('sales.proposal.addBudgetLine')}
              </Button>
              <Typography.Text strong data-testid="budget-total">
                {t('sales.proposal.total')}：<span className="money money-total">{formatFen(total)}</span>
              </Typography.Text>
            </Flex>
          </div>
        )}
      </Form.List>
      {leaderAbove !== undefined && total > leaderAbove && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('sales.proposal.leaderNeeded', { amount: formatFen(leaderAbove) })} />
      )}

      <div className="paper-section-title">{t('sales.proposal.sections.assumptions')}</div>
      <Form.Item name="assumptions" label={t('sales.proposal.fields.assumptions')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} placeholder={t('sales.proposal.fields.assumptionsPlaceholder')} />
      </Form.Item>
    </>
  );
}

/** The form values as the API takes them (trimmed; blank notes dropped). */
export function proposalContentOf(v: ProposalValues): ProposalContent {
  return {
    title: v.title.trim(),
    goals: v.goals.trim(),
    workContent: v.workContent.trim(),
    milestones: v.milestones.map((m) => ({ name: m.name.trim(), start: m.start, end: m.end, deliverable: m.deliverable?.trim() ?? '' })),
    budgetLines: v.budgetLines.map((l) => ({ item: l.item.trim(), amountFen: l.amountFen, ...(l.note?.trim() ? { note: l.note.trim() } : {}) })),
    assumptions: v.assumptions?.trim() ?? '',
  };
}
