import type { Role } from './roles.js';

/** Who is acting. Built by the server from the session or API token; passed into every access rule. */
export type Actor = {
  id: number;
  username: string;
  name: string;
  role: Role;
  departmentId: number | null;
  businessAreas: string[];
  via: 'session' | 'token';
  /** A temporary password: until it is changed only the account routes answer. */
  mustChangePassword?: boolean;
};
