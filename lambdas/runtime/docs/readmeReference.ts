// Replaces the README's generated section (between the BEGIN/END markers) with tables rendered from the ConfigDefs.
import { commonConfigDef, sinkFrameworkConfigDef, sourceFrameworkConfigDef } from '../config/frameworkConfig.js';
import { jdbcSinkConfigDef } from '../../connectors/jdbc/JdbcSinkConnector.js';
import { builtinPlugins } from '../builtins/builtins.js';
import { jdbcSourceConfigDef } from '../../connectors/jdbc/JdbcSourceConnector.js';
import { renderConfigTable } from './configReference.js';

export const BEGIN = '<!-- BEGIN GENERATED CONFIG REFERENCE (npm run docs) -->';
export const END = '<!-- END GENERATED CONFIG REFERENCE -->';

/** Every converter, transform and predicate class Sluice ships, with the keys it takes. */
function pluginTable(): string {
  const registry = builtinPlugins();
  const rows = (['converter', 'header_converter', 'transformation', 'predicate'] as const).flatMap((type) =>
    registry.list(type).map((p) => {
      const plugin = registry.find(p.class, type)!;
      const keys = plugin.configDef.keys.filter((k) => !k.internal && k.name !== 'converter.type').map((k) => `\`${k.name}\``);
      return `| ${type.replace('_', ' ')} | \`${p.class}\` | ${keys.join(', ') || '–'} |`;
    }),
  );
  return ['| kind | class | keys |', '| --- | --- | --- |', ...rows].join('\n');
}

export function configReferenceMarkdown(): string {
  const common = new Set(commonConfigDef.keys.map((k) => k.name));
  const sinkFramework = new Set(sinkFrameworkConfigDef.keys.map((k) => k.name));
  const sourceFramework = new Set(sourceFrameworkConfigDef.keys.map((k) => k.name));
  return [
    '### Framework keys (every connector)',
    renderConfigTable(commonConfigDef),
    '### Sink-only framework keys',
    renderConfigTable(sinkFrameworkConfigDef, (k) => !common.has(k.name)),
    '### JDBC sink (`io.confluent.connect.jdbc.JdbcSinkConnector`)',
    renderConfigTable(jdbcSinkConfigDef, (k) => !sinkFramework.has(k.name)),
    '### JDBC source (`io.confluent.connect.jdbc.JdbcSourceConnector`)',
    renderConfigTable(jdbcSourceConfigDef, (k) => !sourceFramework.has(k.name)),
    '### Converters, transforms (SMTs) and predicates',
    'Use them exactly as in Kafka Connect (`transforms=a`, `transforms.a.type=<class>`, `transforms.a.<key>=...`, `predicates=...`); keys of a transform go under its alias prefix, and of a converter under `key.converter.` / `value.converter.`.',
    pluginTable(),
  ].join('\n\n');
}

export function renderReadmeReference(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} ... ${END} section`);
  return `${readme.slice(0, start + BEGIN.length)}\n\n${configReferenceMarkdown()}\n\n${readme.slice(end)}`;
}
