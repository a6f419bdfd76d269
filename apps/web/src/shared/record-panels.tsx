import { Suspense } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { canSee, type RecordPanel, type RecordSlot } from '../app/module-types';
import { useAccess } from './hooks/useAccess';
import { PageLoading } from './components/PageLoading';

const PANELS: RecordPanel[] = [];

/** Called once by the app with every module's panels (apps/web/src/app/modules.ts). */
export function registerRecordPanels(panels: readonly RecordPanel[]): void {
  for (const panel of panels) {
    if (PANELS.some((p) => p.key === panel.key)) throw new Error(`record panel ${panel.key} registered twice`);
    PANELS.push(panel);
  }
  PANELS.sort((a, b) => a.order - b.order);
}

/** The panels other modules add to this kind of record page that the user may see, in order. */
export function useRecordPanels(slot: RecordSlot): RecordPanel[] {
  const access = useAccess();
  return PANELS.filter((p) => p.slot === slot && canSee(p, access));
}

/** A panel's content, loaded lazily like a page. */
export function PanelBody({ panel, recordId }: { panel: RecordPanel; recordId: number }) {
  const Component = panel.component;
  return (
    <Suspense fallback={<PageLoading />}>
      <Component recordId={recordId} />
    </Suspense>
  );
}

/** The slot's panels as cards, for record pages laid out as a column of cards. */
export function RecordPanelCards({ slot, recordId }: { slot: RecordSlot; recordId: number }) {
  const { t } = useTranslation();
  return (
    <>
      {useRecordPanels(slot).map((panel) => (
        <Card key={panel.key} className="page-card section-card" title={t(panel.title)} data-testid={`panel-${panel.key}`}>
          <PanelBody panel={panel} recordId={recordId} />
        </Card>
      ))}
    </>
  );
}
