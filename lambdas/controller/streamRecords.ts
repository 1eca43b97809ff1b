// Which pipelines a DynamoDB stream batch touches. Only keys and versions are read from the images: the reconciler
// re-reads the current CONFIG, so a replayed or out-of-order record cannot roll a pipeline back.
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

export interface PipelineTouch {
  readonly name: string;
  /** The highest CONFIG version seen for this pipeline in the batch (undefined: only STATUS records, or a REMOVE). */
  readonly imageVersion?: number;
}

type Image = Record<string, AttributeValue> | undefined;

const PIPELINE = 'PIPELINE#';

/** STATUS changes matter only when a task or the connector changed state; resource ids are the controller's own writes. */
function statusChangeMatters(oldImage: Image, newImage: Image): boolean {
  if (!newImage) return false;
  const same = (k: string) => JSON.stringify(oldImage?.[k] ?? null) === JSON.stringify(newImage[k] ?? null);
  return !(same('tasks') && same('connector'));
}

export function pipelinesOf(records: readonly DynamoDBRecord[]): PipelineTouch[] {
  const touched = new Map<string, number | undefined>();
  for (const r of records) {
    const keys = r.dynamodb?.Keys;
    const pk = keys?.['PK']?.S ?? '';
    const sk = keys?.['SK']?.S ?? '';
    if (!pk.startsWith(PIPELINE)) continue;
    const name = pk.slice(PIPELINE.length);
    let version: number | undefined;
    if (sk === 'CONFIG') {
      const n = r.dynamodb?.NewImage?.['version']?.N;
      version = r.eventName === 'REMOVE' || n === undefined ? undefined : Number(n);
    } else if (sk !== 'STATUS' || !statusChangeMatters(r.dynamodb?.OldImage, r.dynamodb?.NewImage)) {
      continue;
    }
    const seen = touched.get(name);
    const merged = !touched.has(name) ? version : version === undefined || seen === undefined ? undefined : Math.max(seen, version);
    touched.set(name, merged);
  }
  return [...touched].map(([name, imageVersion]) => (imageVersion === undefined ? { name } : { name, imageVersion }));
}
