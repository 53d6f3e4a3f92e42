// A claim's decision as the policy gave it: every line with its amount and its clause, the reasons,
// notes and flags with theirs, and the policy version that decided.
import { html } from '../lib.js';
import { t, localized } from '../i18n.js';
import { yuan } from '../format.js';

export function DecisionTrace({ decision, testid = 'trace' }) {
  if (!decision) return html`<p class="muted">${t('trace.none')}</p>`;
  const result = decision.result || decision;
  const policy = decision.policy;
  const reasons = result.eligibility?.reasons || result.reasons || [];
  return html`<div data-testid=${testid}>
    ${policy && html`<p class="muted" data-testid="policy-version">${t('trace.policy', { region: policy.regionCode, version: policy.version })}${' · '}<code>${policy.bundleSymbolicName}</code></p>`}
    <ul class="trace">${(result.lines || []).map(line => html`<li>
      <span>${localized(line.label)}</span><span class="amount">${yuan(line.amount)}</span>
      <span class="cite">${line.citation}</span></li>`)}</ul>
    ${[['trace.reasons', reasons], ['trace.notes', result.notes || []], ['trace.flags', result.flags || []]]
      .filter(([, items]) => items.length > 0).map(([title, items]) => html`<h3>${t(title)}</h3>
        <ul class="trace">${items.map(r => html`<li><span>${localized(r.text)}</span><span></span><span class="cite">${r.citation}</span></li>`)}</ul>`)}
  </div>`;
}
