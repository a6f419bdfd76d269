/** [3.3.1] internal acceptance: a checklist from the deliverables plus quality standards; every item must pass. */
export const ACCEPTANCE_ITEM_RESULTS = ['pending', 'pass', 'fail'] as const;
export type AcceptanceItemResult = (typeof ACCEPTANCE_ITEM_RESULTS)[number];
export const ACCEPTANCE_ITEM_SOURCES = ['deliverable', 'quality', 'added'] as const;
export type AcceptanceItemSource = (typeof ACCEPTANCE_ITEM_SOURCES)[number];

export type ChecklistSeed = { source: AcceptanceItemSource; name: string; standard: string };

/** One item per milestone deliverable (split on 、，,;；), then one per the settings quality standard. */
export function acceptanceChecklist(milestones: readonly { name: string; deliverable: string }[], qualityItems: readonly string[]): ChecklistSeed[] {
  const seen = new Set<string>();
  const items: ChecklistSeed[] = [];
  for (const m of milestones) {
    const parts = m.deliverable.split(/[、，,;；\n]/).map((p) => p.trim()).filter(Boolean);
    for (const name of parts.length ? parts : [m.name]) {
      if (seen.has(name)) continue;
      seen.add(name);
      items.push({ source: 'deliverable', name, standard: m.name });
    }
  }
  for (const q of qualityItems) items.push({ source: 'quality', name: q, standard: '' });
  return items;
}

/** Items that keep the checklist from passing: failed or not yet checked. */
export function unpassedItems<T extends { result: string }>(items: readonly T[]): T[] {
  return items.filter((i) => i.result !== 'pass');
}
