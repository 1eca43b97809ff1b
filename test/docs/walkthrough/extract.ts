// The fenced shell commands of chosen README sections, each with the output the README shows for it, in order.
//
// Rules (README.md follows them; readmeWalkthrough.test.ts enforces them):
// - A ```sh block is a command block. A ```json, ```text or bare ``` block right after it (blank lines between at
//   most) is that command's output; any other output block in these sections is an error, since it could not be checked.
// - An HTML comment right above a command block changes how it is run:
//     <!-- readme-test: server -->          a long-running server (npm start), started once and kept for the rest
//     <!-- readme-test: skip: <reason> -->  not run, for the reason given (which must be there)

export interface ExpectedOutput {
  readonly kind: 'json' | 'text';
  readonly text: string;
}

export interface Step {
  /** 1-based line of the command block's opening fence in the README. */
  readonly line: number;
  readonly section: string;
  readonly command: string;
  readonly mode: 'run' | 'server' | 'skip';
  readonly reason?: string;
  readonly expected?: ExpectedOutput;
}

interface Fence {
  readonly line: number;
  readonly info: string;
  readonly body: string;
  /** The last non-blank line above the opening fence. */
  readonly above: string;
  /** Whether the previous fenced block ends right above this one (only blank lines between). */
  readonly followsFence: boolean;
  readonly section: string;
}

function fences(markdown: string, sections: readonly string[]): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  let section = '';
  let lastNonBlank = '';
  let lastClosed = -2;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) section = line.slice(3).trim();
    const open = /^```(\S*)\s*$/.exec(line);
    if (open && sections.includes(section)) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
      if (i >= lines.length) throw new Error(`README line ${start + 1}: a fence that is never closed`);
      const between = lines.slice(lastClosed + 1, start);
      found.push({ line: start + 1, info: open[1]!, body: body.join('\n'), above: lastNonBlank, followsFence: lastClosed >= 0 && between.every((l) => l.trim() === ''), section });
      lastClosed = i;
      lastNonBlank = '```';
      continue;
    }
    if (open) {
      // A fence outside the chosen sections: skip its body so a ``` inside it is not read as an opening.
      for (i++; i < lines.length && lines[i] !== '```'; i++);
      lastNonBlank = '```';
      continue;
    }
    if (line.trim() !== '') lastNonBlank = line.trim();
  }
  return found;
}

function modeOf(fence: Fence): Pick<Step, 'mode' | 'reason'> {
  const marker = /^<!--\s*readme-test:\s*(.*?)\s*-->$/.exec(fence.above);
  if (!marker) return { mode: 'run' };
  const [verb, ...rest] = marker[1]!.split(':');
  const reason = rest.join(':').trim();
  if (verb === 'server' && reason === '') return { mode: 'server' };
  if (verb === 'skip' && reason !== '') return { mode: 'skip', reason };
  throw new Error(`README line ${fence.line}: marker '${marker[1]}' is neither 'server' nor 'skip: <reason>'`);
}

export function walkthroughSteps(markdown: string, sections: readonly string[]): Step[] {
  const steps: Step[] = [];
  let previous: { fence: Fence; step: Step } | undefined;
  for (const fence of fences(markdown, sections)) {
    if (fence.info === 'sh') {
      const step: Step = { line: fence.line, section: fence.section, command: fence.body, ...modeOf(fence) };
      steps.push(step);
      previous = { fence, step };
      continue;
    }
    if (fence.info !== 'json' && fence.info !== 'text' && fence.info !== '') continue;
    const command = previous && fence.followsFence && previous.step.expected === undefined ? previous.step : undefined;
    if (!command) throw new Error(`README line ${fence.line}: an output block that follows no command block, so no test can check it`);
    const withOutput: Step = { ...command, expected: { kind: fence.info === 'json' ? 'json' : 'text', text: fence.body } };
    steps[steps.length - 1] = withOutput;
    previous = { fence, step: withOutput };
  }
  return steps;
}
