// Renders the lifecycle tables (lifecycle/transitions.ts) into the README's generated Lifecycle section, so that the
// documented rules are the ones the code runs (test/docs/readme.test.ts fails when they differ).
import { type From, REQUESTS, RESOURCES, type Transition, TRANSITIONS } from '../lifecycle/transitions.js';

export const LIFECYCLE_BEGIN = '<!-- BEGIN GENERATED LIFECYCLE TABLE (npm run docs) -->';
export const LIFECYCLE_END = '<!-- END GENERATED LIFECYCLE TABLE -->';

const STATES = Object.keys(TRANSITIONS) as From[];

function cell(t: Transition): string {
  if (t.refused) return `${t.refused.status}: ${t.refused.reason}`;
  const notes = [t.tasks === 'generated' ? 'task 0 (re)generated' : t.tasks === 'cleared' ? 'no task' : '', t.restarts === 'all' ? 'restarts all' : t.restarts === 'failed' ? 'restarts FAILED ones' : ''];
  return [`→ ${t.to}`, ...notes.filter((n) => n !== '')].join(', ');
}

const yes = (b: boolean) => (b ? 'yes' : 'no');

export function lifecycleMarkdown(): string {
  const transitions = [
    `| request \\ from | ${STATES.join(' | ')} |`,
    `| --- | ${STATES.map(() => '---').join(' | ')} |`,
    ...REQUESTS.map((r) => `| ${r} | ${STATES.map((s) => cell(TRANSITIONS[s][r])).join(' | ')} |`),
  ];
  const resources = [
    '| state | event source mappings (sink) | schedule (source) | consumer group has a member | offsets can be changed |',
    '| --- | --- | --- | --- | --- |',
    ...STATES.map((s) => {
      const r = RESOURCES[s];
      return `| ${s} | ${r.mappings} | ${r.schedule} | ${yes(r.groupMember)} | ${yes(r.offsetsChangeable)} |`;
    }),
  ];
  return [...transitions, '', ...resources].join('\n');
}

export function renderLifecycleReference(readme: string): string {
  const start = readme.indexOf(LIFECYCLE_BEGIN);
  const end = readme.indexOf(LIFECYCLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${LIFECYCLE_BEGIN} ... ${LIFECYCLE_END} section`);
  return `${readme.slice(0, start + LIFECYCLE_BEGIN.length)}\n\n${lifecycleMarkdown()}\n\n${readme.slice(end)}`;
}
