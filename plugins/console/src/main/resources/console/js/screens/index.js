// The screens, each shown only to users holding what it needs (the platform checks again).
import { Dashboard } from './dashboard.js';
import { Plans } from './plans.js';
import { Classes } from './classes.js';
import { Review } from './review.js';
import { Payments } from './payments.js';
import { Policies } from './policies.js';
import { Audit } from './audit.js';
import { Users } from './users.js';

const holds = (...wanted) => permissions => wanted.some(p => permissions.includes(p));

export const SCREENS = [
  { id: 'dashboard', allowed: holds('report.read'), component: Dashboard },
  { id: 'plans', allowed: holds('plan.read'), component: Plans },
  { id: 'classes', allowed: holds('class.read'), component: Classes },
  { id: 'review', allowed: holds('claim.read'), component: Review },
  { id: 'payments', allowed: holds('claim.disburse', 'settlement.read'), component: Payments },
  { id: 'policies', allowed: holds('policy.compare', 'policy.activate', 'bundle.read'), component: Policies },
  { id: 'audit', allowed: holds('audit.read'), component: Audit },
  { id: 'users', allowed: holds('user.admin'), component: Users },
];

/** The screen asked for, or the first the user may see. */
export function screenFor(allowed, id) {
  return allowed.find(s => s.id === id) || allowed[0];
}

