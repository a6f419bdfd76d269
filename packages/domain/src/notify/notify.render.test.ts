import { describe, expect, it } from 'vitest';
import { LOCALES } from '../shared/locale.js';
import { translate } from '../i18n/messages.js';
import { NOTIFY_KINDS } from './notify.schema.js';
import { notificationTitleKey, renderNotification } from './notify.render.js';

describe('renderNotification', () => {
  it.each([
    ['zh-CN', 'approval.pending', { title: '华东方案', actor: '李明' }, '「华东方案」待您审批（提交人：李明）'],
    ['zh-TW', 'approval.pending', { title: '華東方案', actor: '李明' }, '「華東方案」待您審批（提交人：李明）'],
    ['en-US', 'approval.pending', { title: 'East plan', actor: 'Li Ming' }, '“East plan” awaits your approval (submitted by Li Ming)'],
    ['en-US', 'approval.decided', { title: 'East plan', actor: 'Li Ming', result: 'i18n:approval.result.returned' }, 'Your “East plan” was returned by Li Ming'],
    ['zh-CN', 'approval.decided', { title: '华东方案', actor: '李明', result: 'i18n:approval.result.approved' }, '您提交的审批「华东方案」已由李明通过'],
    ['zh-CN', 'approval.remind', { title: '华东方案', actor: 'i18n:notify.system' }, '系统催办：「华东方案」仍待您审批'],
    ['en-US', 'no.such.kind', { title: 'Fallback' }, 'Fallback'],
    ['en-US', 'no.such.kind', {}, 'no.such.kind'],
  ] as const)('%s %s', (locale, kind, params, expected) => {
    expect(renderNotification(locale, notificationTitleKey(kind), params)).toBe(expected);
  });

  it('has a template for every kind in every language, each language its own', () => {
    for (const kind of NOTIFY_KINDS) {
      const key = notificationTitleKey(kind);
      const texts = LOCALES.map((l) => translate(l, key, { title: 'T', actor: 'A' }));
      expect(texts[0]).not.toBe(key);
      expect(new Set(texts).size).toBe(LOCALES.length);
    }
  });
});
