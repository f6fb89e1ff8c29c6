import { exposedNames, metricNames, samplesOf } from '../e2e/support/promql-names';

describe('metricNames', () => {
  it.each([
    ['a bare name', 'up', ['up']],
    ['a selector with matchers naming other words', 'rate(a_total{queue="sum", code!~"rate|by"}[5m])', ['a_total']],
    [
      'grouping labels before and after the body',
      'sum by (le, service) (rate(h_bucket[1m])) + sum(b) without (pod)',
      ['h_bucket', 'b'],
    ],
    [
      'a histogram quantile over Grafana variables',
      'histogram_quantile(0.95, sum by (le) (rate(renderer_pdf_seconds_bucket{service=~"$service"}[$__rate_interval])))',
      ['renderer_pdf_seconds_bucket'],
    ],
    [
      'binary operators, vector matching and modifiers',
      'x / on (job) group_left (team) y > bool 0.05 and z offset 1h30m unless w @ start()',
      ['x', 'y', 'z', 'w'],
    ],
    [
      'keywords in capitals and numbers of every kind',
      'SUM BY (a) (m) AND n > 1e-3 OR p < 0x1F * Inf',
      ['m', 'n', 'p'],
    ],
    ['a subquery and a recording-rule name', 'max_over_time(job:rate5m[1h:5m]) > ${threshold:raw}', ['job:rate5m']],
    ['names selected by __name__', '{__name__=~"a_total|b_total", job="x"}', ['a_total', 'b_total']],
    [
      'a multi-line rule with a comment',
      'sum(increase(bounces_total[1h])) # against accepted\n  / sum(increase(outcomes_total{status="sent"}[1h])) > 0.05',
      ['bounces_total', 'outcomes_total'],
    ],
    ['a function with a string and label arguments', 'label_replace(m, "dst", "$1", "src", "(.*)")', ['m']],
  ])('%s', (_, expr, names) => {
    expect(metricNames(expr)).toEqual(names);
  });

  it('refuses a function PromQL does not have, rather than reading it as a metric', () => {
    expect(() => metricNames('rat(x_total[5m])')).toThrow(/unknown PromQL function rat\(/);
  });

  it('refuses an unclosed matcher', () => {
    expect(() => metricNames('x{a="b"')).toThrow(/unclosed \{/);
  });
});

describe('exposedNames and samplesOf', () => {
  const exposition = [
    '# HELP waits_seconds Time.',
    '# TYPE waits_seconds histogram',
    '# HELP never_total Declared, nothing yet.',
    '# TYPE never_total counter',
    '# HELP done_total Done.',
    '# TYPE done_total counter',
    'done_total{status="sent",service="delivery"} 2',
    'done_total{status="a}b c",service="delivery"} 0',
    'done_totally 7',
    'untyped_metric 1',
  ].join('\n');

  it("declares a histogram's series, a counter without samples and every sample's name", () => {
    expect([...exposedNames(exposition)].sort()).toEqual(
      [
        'done_total',
        'done_totally',
        'never_total',
        'untyped_metric',
        'waits_seconds',
        'waits_seconds_bucket',
        'waits_seconds_count',
        'waits_seconds_sum',
      ].sort(),
    );
  });

  it('reads the samples of one metric only, labels and value', () => {
    expect(samplesOf(exposition, 'done_total')).toEqual([
      { labels: { status: 'sent', service: 'delivery' }, value: 2 },
      { labels: { status: 'a}b c', service: 'delivery' }, value: 0 },
    ]);
    expect(samplesOf(exposition, 'never_total')).toEqual([]);
  });
});
