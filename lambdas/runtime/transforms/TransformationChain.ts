// Kafka's TransformationChain and TransformationStage: the transforms of a connector, applied in order, each
// gated by an optional predicate (runs iff no predicate, or predicate.test(record) XOR negate).
import type { ConnectRecord } from '../../connect-api/data/ConnectRecord.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { Predicate, Transformation } from '../../connect-api/plugins.js';
import { aliasesOf, PREDICATES, TRANSFORMS, withPrefix } from './chainConfig.js';
import { TransformError } from './TransformError.js';
import { validateTransforms } from './validateTransforms.js';

export interface TransformationStage {
  readonly alias: string;
  readonly className: string;
  readonly transformation: Transformation;
  readonly predicate?: Predicate;
  readonly negate: boolean;
}

export class TransformationChain {
  constructor(readonly stages: readonly TransformationStage[]) {}

  /**
   * Builds the chain from a connector's flat config (`transforms`, `transforms.<a>.*`, `predicates`, `predicates.<p>.*`),
   * resolving classes through `registry`. Throws ConfigError (the first validateTransforms error) for a bad config.
   */
  static fromConfig(props: Readonly<Record<string, string>>, registry: PluginRegistry): TransformationChain {
    const errors = validateTransforms(props, registry);
    const [key, messages] = [...errors][0] ?? [];
    if (key !== undefined) throw new ConfigError(messages![0]!, { key });

    const predicates = new Map<string, Predicate>();
    for (const alias of aliasesOf(props, PREDICATES)) {
      const prefix = `${PREDICATES}.${alias}.`;
      const plugin = registry.find(props[`${prefix}type`]!.trim(), 'predicate')!;
      predicates.set(alias, plugin.create(withPrefix(props, prefix, ['type'])));
    }
    const stages = aliasesOf(props, TRANSFORMS).map((alias): TransformationStage => {
      const prefix = `${TRANSFORMS}.${alias}.`;
      const plugin = registry.find(props[`${prefix}type`]!.trim(), 'transformation')!;
      const predicateAlias = props[`${prefix}predicate`]?.trim();
      const predicate = predicateAlias ? predicates.get(predicateAlias) : undefined;
      return {
        alias,
        className: plugin.className,
        transformation: plugin.create(withPrefix(props, prefix, ['type', 'predicate', 'negate'])),
        ...(predicate === undefined ? {} : { predicate }),
        negate: props[`${prefix}negate`]?.trim().toLowerCase() === 'true',
      };
    });
    return new TransformationChain(stages);
  }

  get isEmpty(): boolean {
    return this.stages.length === 0;
  }

  /** Applies every stage in order; null means a stage dropped the record. Errors are thrown as TransformError. */
  apply<R extends ConnectRecord>(record: R): R | null {
    let current = record;
    for (const stage of this.stages) {
      try {
        if (stage.predicate !== undefined && stage.predicate.test(current) === stage.negate) continue;
        const next = stage.transformation.apply(current);
        if (next === null) return null;
        current = next;
      } catch (e) {
        throw new TransformError(stage.alias, stage.className, e);
      }
    }
    return current;
  }
}
