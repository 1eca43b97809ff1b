// What each CloudWatch query of Sluice selects, parsed from the synthesized dashboard and alarms and from the status
// endpoint's GetMetricData request: the namespace, the exact dimension set, the metric name (and dimension values
// where the query names them).
import type { Template } from 'aws-cdk-lib/assertions';

export interface MetricSelection {
  readonly where: string;
  readonly namespace: string;
  /** Dimension names, sorted: CloudWatch matches a metric only on its whole set. */
  readonly dimensions: readonly string[];
  readonly metricName: string;
  readonly values?: Readonly<Record<string, string>>;
}

const sorted = (names: readonly string[]) => [...names].map((n) => n.trim()).sort();

/** SEARCH('{ns,dim,…} MetricName="X"', …) */
export function parseSearch(expression: string, where: string): MetricSelection | undefined {
  const m = /SEARCH\('\{([^}]*)\}\s+MetricName="([^"]+)"/.exec(expression);
  if (!m) return undefined;
  const [namespace = '', ...dims] = (m[1] ?? '').split(',');
  return { where, namespace: namespace.trim(), dimensions: sorted(dims), metricName: m[2] ?? '' };
}

/** SELECT FN(X) FROM SCHEMA("ns", dim, …) … */
export function parseInsights(expression: string, where: string): MetricSelection | undefined {
  const m = /SELECT\s+\w+\((\w+)\)\s+FROM\s+SCHEMA\("([^"]+)"((?:\s*,\s*\w+)*)\)/.exec(expression);
  if (!m) return undefined;
  const dims = (m[3] ?? '').split(',').filter((d) => d.trim() !== '');
  return { where, namespace: m[2] ?? '', dimensions: sorted(dims), metricName: m[1] ?? '' };
}

/** Every metric query of the dashboard's widgets (the body is an Fn::Join of strings and Refs). */
export function dashboardSelections(template: Template): MetricSelection[] {
  const out: MetricSelection[] = [];
  for (const [id, r] of Object.entries(template.findResources('AWS::CloudWatch::Dashboard'))) {
    const body = (r as { Properties: { DashboardBody: unknown } }).Properties.DashboardBody;
    const text = typeof body === 'string' ? body : (body as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : 'eu-west-1')).join('');
    const widgets = (JSON.parse(text) as { widgets: { properties: { title?: string; metrics?: unknown[][] } }[] }).widgets;
    for (const w of widgets) {
      for (const line of w.properties.metrics ?? []) {
        const where = `${id} widget "${w.properties.title}"`;
        const expr = (line.find((x) => typeof x === 'object' && x !== null && 'expression' in x) as { expression?: string } | undefined)?.expression;
        if (expr) {
          const s = parseSearch(expr, where) ?? parseInsights(expr, where);
          if (!s) throw new Error(`${where}: cannot read ${expr}`);
          out.push(s);
        } else {
          const [namespace, metricName, ...rest] = line.filter((x) => typeof x === 'string') as string[];
          const values = Object.fromEntries(rest.flatMap((_, i) => (i % 2 === 0 ? [[rest[i], rest[i + 1]]] : [])));
          out.push({ where, namespace: namespace ?? '', dimensions: sorted(Object.keys(values)), metricName: metricName ?? '', values });
        }
      }
    }
  }
  return out;
}

/** Every metric query of the alarms: plain metric alarms and metric-math/Metrics Insights ones. */
export function alarmSelections(template: Template): MetricSelection[] {
  const out: MetricSelection[] = [];
  for (const [id, r] of Object.entries(template.findResources('AWS::CloudWatch::Alarm'))) {
    const p = (r as { Properties: Record<string, unknown> }).Properties;
    if (typeof p['Namespace'] === 'string') {
      const dims = (p['Dimensions'] as { Name: string }[] | undefined) ?? [];
      out.push({ where: id, namespace: p['Namespace'], dimensions: sorted(dims.map((d) => d.Name)), metricName: String(p['MetricName']) });
    }
    for (const q of (p['Metrics'] as { Expression?: string }[] | undefined) ?? []) {
      if (!q.Expression) continue;
      const s = parseInsights(q.Expression, id) ?? parseSearch(q.Expression, id);
      if (!s) throw new Error(`${id}: cannot read ${q.Expression}`);
      out.push(s);
    }
  }
  return out;
}
