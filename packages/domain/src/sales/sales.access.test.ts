import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import { contractActions, customerActions, leadActions, mayEditCustomer, mayReleaseCustomer, proposalActions } from './sales.access.js';

const actor = (role: Role, id = 10): Actor => ({ id, username: role, name: role, role, departmentId: null, businessAreas: [], via: 'session' });

describe('sales record rules', () => {
  it.each([
    ['manager', 99, true],
    ['deputy', 99, true],
    ['specialist', 10, true],
    ['specialist', 99, false],
    ['marketing', null, false],
    ['pm', null, true],
  ] as const)('%s edits a customer owned by %s: %s', (role, ownerId, ok) => {
    expect(mayEditCustomer(actor(role), { ownerId })).toBe(ok);
  });

  it('releases: the owner or a manager/deputy; actions follow the same rules and the permissions', () => {
    expect(mayReleaseCustomer(actor('specialist'), { ownerId: 10 })).toBe(true);
    expect(mayReleaseCustomer(actor('specialist'), { ownerId: 11 })).toBe(false);
    expect(customerActions(actor('specialist'), { ownerId: 10 })).toEqual(['edit', 'release']);
    expect(customerActions(actor('specialist'), { ownerId: null })).toEqual(['edit', 'claim']);
    expect(customerActions(actor('marketing'), { ownerId: null })).toEqual([]);
    expect(customerActions(actor('leader'), { ownerId: 10 })).toEqual([]);
  });

  it('a lead is analysed by its assignee or the manager', () => {
    expect(leadActions(actor('specialist'), { status: 'assigned', assigneeId: 10 })).toContain('analyze');
    expect(leadActions(actor('specialist'), { status: 'assigned', assigneeId: 11 })).not.toContain('analyze');
    expect(leadActions(actor('manager'), { status: 'assigned', assigneeId: 11 })).toContain('analyze');
  });

  it('a proposal is reviewed by whom its approval awaits, worked by its author or the manager', () => {
    expect(proposalActions(actor('manager'), { status: 'in_review', authorId: 11 }, [10])).toEqual(expect.arrayContaining(['approve', 'return']));
    expect(proposalActions(actor('manager'), { status: 'in_review', authorId: 11 }, [])).not.toContain('approve');
    expect(proposalActions(actor('specialist'), { status: 'draft', authorId: 11 })).toEqual([]);
    expect(proposalActions(actor('specialist'), { status: 'draft', authorId: 10 })).toContain('submit');
  });

  it('a draft contract is edited by its owner or the manager', () => {
    expect(contractActions(actor('specialist'), { status: 'draft', ownerId: 10 })).toContain('edit');
    expect(contractActions(actor('specialist'), { status: 'draft', ownerId: 11 })).not.toContain('edit');
  });
});
