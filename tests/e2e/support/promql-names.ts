/**
 * The metric names a PromQL expression reads, for checking a dashboard and its
 * alert rules against what the services expose. A small tokenizer rather than
 * a regex: it skips strings, label matchers (`{…}`), ranges and subqueries
 * (`[…]`), grouping label lists (`by (…)`, `on (…)`, `group_left (…)`),
 * numbers and durations, Grafana variables (`$__rate_interval`, `${x}`) and
 * comments; an identifier left over is a metric, unless it is a keyword or
 * names a function. A call to a function PromQL does not have throws, so a
 * typo in an expression fails loudly instead of reading as a metric.
 */

/** PromQL's functions (as of Prometheus 3), plus `start`/`end` of the `@` modifier. */
const FUNCTIONS = new Set([
  'abs',
  'absent',
  'absent_over_time',
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atanh',
  'avg_over_time',
  'ceil',
  'changes',
  'clamp',
  'clamp_max',
  'clamp_min',
  'cos',
  'cosh',
  'count_over_time',
  'day_of_month',
  'day_of_week',
  'day_of_year',
  'days_in_month',
  'deg',
  'delta',
  'deriv',
  'double_exponential_smoothing',
  'end',
  'exp',
  'floor',
  'histogram_avg',
  'histogram_count',
  'histogram_fraction',
  'histogram_quantile',
  'histogram_stddev',
  'histogram_stdvar',
  'histogram_sum',
  'holt_winters',
  'hour',
  'idelta',
  'increase',
  'info',
  'irate',
  'label_join',
  'label_replace',
  'last_over_time',
  'ln',
  'log10',
  'log2',
  'mad_over_time',
  'max_over_time',
  'min_over_time',
  'minute',
  'month',
  'pi',
  'predict_linear',
  'present_over_time',
  'quantile_over_time',
  'rad',
  'rate',
  'resets',
  'round',
  'scalar',
  'sgn',
  'sin',
  'sinh',
  'sort',
  'sort_by_label',
  'sort_by_label_desc',
  'sort_desc',
  'sqrt',
  'start',
  'stddev_over_time',
  'stdvar_over_time',
  'sum_over_time',
  'tan',
  'tanh',
  'time',
  'timestamp',
  'vector',
  'year',
]);

const AGGREGATIONS = new Set([
  'avg',
  'bottomk',
  'count',
  'count_values',
  'group',
  'limit_ratio',
  'limitk',
  'max',
  'min',
  'quantile',
  'stddev',
  'stdvar',
  'sum',
  'topk',
]);

/** Keywords followed by a parenthesised list of label names, not expressions. */
const LABEL_LISTS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'atan2', 'inf', 'nan']);

const IDENTIFIER = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
/** A number (decimal, hex, exponent) or a duration such as `5m` or `1h30m`. */
const NUMBER = /^(?:0x[0-9a-f]+|(?:\d*\.)?\d+(?:e[+-]?\d+)?(?:(?:ms|[smhdwy])(?:\d+(?:ms|[smhdwy]))*)?)/i;

/** The metric names `expr` selects, each once, in order of appearance. */
export function metricNames(expr: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const skipSpace = () => {
    while (i < expr.length && /\s/.test(expr[i])) i++;
  };
  while (i < expr.length) {
    const c = expr[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < expr.length && expr[i] !== '\n') i++;
    } else if (c === '"' || c === "'" || c === '`') {
      i = afterString(expr, i);
    } else if (c === '{') {
      const end = closing(expr, i, '}');
      for (const name of namesInMatchers(expr.slice(i + 1, end))) names.add(name);
      i = end + 1;
    } else if (c === '[') {
      i = closing(expr, i, ']') + 1;
    } else if (c === '$') {
      i = afterVariable(expr, i);
    } else if (IDENTIFIER.test(expr.slice(i))) {
      const word = IDENTIFIER.exec(expr.slice(i))![0];
      i += word.length;
      skipSpace();
      const lower = word.toLowerCase();
      if (LABEL_LISTS.has(lower)) {
        if (expr[i] === '(') i = closing(expr, i, ')') + 1;
      } else if (expr[i] === '(') {
        if (!FUNCTIONS.has(word) && !AGGREGATIONS.has(lower)) {
          throw new Error(`unknown PromQL function ${word}( in: ${expr}`);
        }
      } else if (AGGREGATIONS.has(lower) && /^(by|without)\b/i.test(expr.slice(i))) {
        // `sum by (le) (…)`: the grouping comes next and is skipped as a label list.
      } else if (!KEYWORDS.has(lower)) {
        names.add(word);
      }
    } else if (/[0-9.]/.test(c) && NUMBER.test(expr.slice(i))) {
      i += NUMBER.exec(expr.slice(i))![0].length;
    } else {
      i++;
    }
  }
  return [...names];
}

/** `{__name__="x"}` or `{__name__=~"x|y"}` with plain names: those names. */
function namesInMatchers(matchers: string): string[] {
  const match = /(?:^|,)\s*__name__\s*(=~|=)\s*"([^"]*)"/.exec(matchers);
  if (!match) return [];
  const alternatives = match[1] === '=' ? [match[2]] : match[2].split('|');
  if (!alternatives.every((name) => /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name))) {
    throw new Error(`cannot list the metrics of {${matchers}}`);
  }
  return alternatives;
}

/** The index just past the bracket matching the one at `open`, skipping strings inside. */
function closing(expr: string, open: number, close: string): number {
  const opener = expr[open];
  let depth = 0;
  for (let i = open; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"' || c === "'" || c === '`') {
      i = afterString(expr, i) - 1;
    } else if (c === opener) {
      depth++;
    } else if (c === close && --depth === 0) {
      return i;
    }
  }
  throw new Error(`unclosed ${opener} at ${open} in: ${expr}`);
}

function afterString(expr: string, open: number): number {
  const quote = expr[open];
  for (let i = open + 1; i < expr.length; i++) {
    if (expr[i] === '\\' && quote !== '`') i++;
    else if (expr[i] === quote) return i + 1;
  }
  throw new Error(`unclosed string at ${open} in: ${expr}`);
}

/** Grafana's `$name`, `${name}`, `${name:format}` and `$__rate_interval`. */
function afterVariable(expr: string, at: number): number {
  if (expr[at + 1] === '{') return closing(expr, at + 1, '}') + 1;
  const word = /^[a-zA-Z0-9_]*/.exec(expr.slice(at + 1))![0];
  return at + 1 + word.length;
}

/**
 * The series names an exposition (Prometheus text format) declares: every
 * sample's name, and for each `# TYPE` line the names a query may select —
 * `_bucket`, `_sum` and `_count` of a histogram, `_sum` and `_count` of a
 * summary — so a metric declared but not yet observed still counts.
 */
export function exposedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const line of exposition.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      const [, name, kind] = type;
      names.add(name);
      if (kind === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
      if (kind === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line);
    if (sample) names.add(sample[1]);
  }
  return names;
}

/** Each sample of `metric` in an exposition: its labels and value. */
export function samplesOf(exposition: string, metric: string): { labels: Record<string, string>; value: number }[] {
  const samples: { labels: Record<string, string>; value: number }[] = [];
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(metric)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== metric) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = value;
    }
    samples.push({ labels, value: Number(match[3]) });
  }
  return samples;
}
