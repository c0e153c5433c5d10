import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { GrowthTab } from '../../state/uiStore';
import { useScreenHeading } from '../useScreenHeading';
import { PlanTab } from './PlanTab';
import { SelfEvaluationTab } from './SelfEvaluationTab';
import { SupervisionTab } from './SupervisionTab';

const TABS: { tab: GrowthTab; label: string }[] = [
  { tab: 'self-evaluation', label: 'Self-evaluation' },
  { tab: 'plan', label: 'Plan & CEUs' },
  { tab: 'supervision', label: 'Supervision' },
];

/**
 * Professional growth: the worker's own practice, never a student. The
 * self-evaluation against the guideline's competencies, the professional
 * development plan with CEUs, and supervision received, as three tabs
 * (arrow keys move between them).
 */
export function ProfessionalGrowth({ tab: initialTab }: { tab: GrowthTab }) {
  const id = useId();
  const heading = useScreenHeading();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const [tab, setTab] = useState(initialTab);

  function choose(next: GrowthTab, focus = false) {
    setTab(next);
    if (focus) tabs.current[TABS.findIndex((candidate) => candidate.tab === next)]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.findIndex((candidate) => candidate.tab === tab);
    const move = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = TABS[(index + move + TABS.length) % TABS.length];
    if (next != null) choose(next.tab, true);
  }

  return (
    <div className="screen-body growth-screen">
      <div className="screen-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Professional growth
          </h1>
          <p className="subtle">Your own practice: how you rate yourself, your plan and hours, and the supervision you get. Never a student.</p>
        </div>
      </div>
      <div role="tablist" aria-label="Professional growth" className="growth-tabs" onKeyDown={onKeyDown}>
        {TABS.map((item, index) => (
          <button
            key={item.tab}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`growth-tab-${item.tab}`}
            aria-selected={item.tab === tab}
            aria-controls={`${id}-panel`}
            tabIndex={item.tab === tab ? 0 : -1}
            className={item.tab === tab ? 'growth-tab is-current' : 'growth-tab'}
            onClick={() => choose(item.tab)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`growth-tab-${tab}`} className="growth-panel">
        {tab === 'self-evaluation' && <SelfEvaluationTab />}
        {tab === 'plan' && <PlanTab />}
        {tab === 'supervision' && <SupervisionTab />}
      </div>
    </div>
  );
}
